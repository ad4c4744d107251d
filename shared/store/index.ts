// The roster store: the only door to DynamoDB. Handlers get one of these and never see keys or commands.
import { AuditTrail } from './audit.ts';
import { CalendarStore } from './calendar.ts';
import type { ApprovedRedeployment } from '../domain/plan.ts';
import { BUILTIN_YEARS } from '../calendar/builtin.ts';
import { officialYears, type OfficialYears } from '../calendar/index.ts';
import { createStoreClient, type StoreClient } from './client.ts';
import { PlanStore } from './plans.ts';
import { RedeploymentStore } from './redeployments.ts';
import { StationStore } from './stations.ts';

export type { Page } from './cursor.ts';
export { StoreBusyError } from './errors.ts';
export { newAuditId } from './audit.ts';
export type { PlanHead, PlanSummary } from './plans.ts';
export { alreadyPublished } from './plans.ts';
export type { ChangeResult, RequestChange } from './redeployments.ts';
export type { LoadedYear } from './calendar.ts';

export class RosterStore {
  readonly audit: AuditTrail;
  readonly stations: StationStore;
  readonly plans: PlanStore;
  readonly redeployments: RedeploymentStore;
  readonly calendar: CalendarStore;

  constructor(
    readonly client: StoreClient,
    readonly tableName: string,
  ) {
    this.audit = new AuditTrail(client, tableName);
    this.stations = new StationStore(client, tableName, this.audit);
    this.plans = new PlanStore(client, tableName, this.audit);
    this.redeployments = new RedeploymentStore(client, tableName, this.audit, this.plans);
    this.calendar = new CalendarStore(client, tableName, this.audit);
  }

  /** The official calendar's years as the planner reads them: the built-in data with the admin's loaded years over it. */
  async officialYears(): Promise<OfficialYears> {
    const loaded = await this.calendar.loadedYears();
    return officialYears(BUILTIN_YEARS, Object.fromEntries(loaded.map((y) => [y.year, { holidays: y.holidays, makeUpWorkdays: y.makeUpWorkdays }])));
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
