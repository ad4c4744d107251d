// The roster store: the only door to DynamoDB. Handlers get one of these and never see keys or commands.
import { AuditTrail } from './audit.ts';
import type { ApprovedRedeployment } from '../domain/plan.ts';
import { createStoreClient, type StoreClient } from './client.ts';
import { PlanStore } from './plans.ts';
import { RedeploymentStore } from './redeployments.ts';
import { StationStore } from './stations.ts';
import { logger, type Log } from '../telemetry.ts';

export type { Page } from './cursor.ts';
export { StoreBusyError } from './errors.ts';
export { newAuditId } from './audit.ts';
export type { PlanHead, PlanSummary } from './plans.ts';
export { alreadyPublished } from './plans.ts';
export type { ChangeResult, RequestChange } from './redeployments.ts';

export class RosterStore {
  readonly audit: AuditTrail;
  readonly stations: StationStore;
  readonly plans: PlanStore;
  readonly redeployments: RedeploymentStore;

  constructor(
    readonly client: StoreClient,
    readonly tableName: string,
    /** Where best-effort steps that failed are reported (an audit copy or a re-plan marking left for later). */
    log: Log = logger,
  ) {
    this.audit = new AuditTrail(client, tableName, log);
    this.stations = new StationStore(client, tableName, this.audit);
    this.plans = new PlanStore(client, tableName, this.audit);
    this.redeployments = new RedeploymentStore(client, tableName, this.audit, this.plans, log);
  }

  /** The fully approved redeployments (AP-5) of a station that touch `from`..`to`, for the planner. */
  async approvedRedeploymentsFor(stationId: string, from: string, to: string): Promise<ApprovedRedeployment[]> {
    return this.redeployments.approvedFor(stationId, from, to);
  }
}

let fromEnvironment: RosterStore | undefined;

/** The store a Lambda (or the local server) uses: table from TABLE_NAME, endpoint from DYNAMODB_ENDPOINT if set. */
export function storeFromEnvironment(): RosterStore {
  fromEnvironment ??= new RosterStore(createStoreClient(), process.env.TABLE_NAME ?? 'roster');
  return fromEnvironment;
}

/** Lets the local server and tests point handlers at their own store. */
export function useStore(store: RosterStore): void {
  fromEnvironment = store;
}
