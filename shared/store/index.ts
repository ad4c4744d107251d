// The roster store: the only door to DynamoDB. Handlers get one of these and never see keys or commands.
import { AuditTrail } from './audit.ts';
import { CalendarStore } from './calendar.ts';
import { BUILTIN_YEARS } from '../calendar/builtin.ts';
import { officialYears, type OfficialYears } from '../calendar/index.ts';
import { todayIn } from '../approvals/index.ts';
import { summarizeStation, WINDOW_DAYS } from '../branches/summary.ts';
import type { StationSummary } from '../domain/branch.ts';
import type { ApprovedRedeployment } from '../domain/plan.ts';
import type { Redeployment } from '../domain/redeployment.ts';
import { overlaps } from '../roster/index.ts';
import { addDaysTo } from '../rotation/index.ts';
import { BranchStore } from './branches.ts';
import { createStoreClient, type StoreClient } from './client.ts';
import { PlanStore } from './plans.ts';
import { RedeploymentStore } from './redeployments.ts';
import { NoticeStore } from './notices.ts';
import { RequestStore } from './requests.ts';
import type { LeaveRequest, Swap } from '../domain/day-to-day.ts';
import { StationStore } from './stations.ts';
import { logger, type Log } from '../telemetry.ts';

export type { Page } from './cursor.ts';
export { StoreBusyError } from './errors.ts';
export { newAuditId } from './audit.ts';
export type { PlanHead, PlanSummary } from './plans.ts';
export { alreadyPublished } from './plans.ts';
export type { ChangeResult, RequestChange } from './redeployments.ts';
export type { NoticeToWrite } from './notices.ts';
export { hashOf } from './notices.ts';
export type { LoadedYear } from './calendar.ts';

export class RosterStore {
  readonly audit: AuditTrail;
  readonly stations: StationStore;
  readonly plans: PlanStore;
  readonly redeployments: RedeploymentStore;
  readonly leave: RequestStore<LeaveRequest>;
  readonly swaps: RequestStore<Swap>;
  readonly notices: NoticeStore;
  readonly calendar: CalendarStore;
  readonly branches: BranchStore;

  constructor(
    readonly client: StoreClient,
    readonly tableName: string,
    /** Where best-effort steps that failed are reported (an audit copy, a re-plan marking, a summary left for later). */
    private readonly log: Log = logger,
  ) {
    this.audit = new AuditTrail(client, tableName, log);
    // Every change that can move a station's branch figures refreshes its summary (docs/branches.md).
    this.stations = new StationStore(client, tableName, this.audit, async (stationId, hint) => void (await this.refreshSummary(stationId, hint)));
    this.plans = new PlanStore(client, tableName, this.audit);
    this.plans.onPublished = async (stationId, planId) => void (await this.refreshSummary(stationId, { publishedPlanId: planId }));
    this.redeployments = new RedeploymentStore(client, tableName, this.audit, this.plans, log);
    this.leave = new RequestStore<LeaveRequest>(client, tableName, this.audit, 'leave');
    this.swaps = new RequestStore<Swap>(client, tableName, this.audit, 'swap');
    this.notices = new NoticeStore(client, tableName);
    this.calendar = new CalendarStore(client, tableName, this.audit);
    // Only requests that need the branch move a figure (pendingForBranch); the others leave the summary as it is.
    this.redeployments.onChanged = async (request) => {
      if (request.required.includes('branch')) await this.refreshSummary(request.stationId, { request });
    };
    this.branches = new BranchStore(client, tableName);
  }

  /** The official calendar's years as the planner reads them: the built-in data with the admin's loaded years over it. */
  async officialYears(): Promise<OfficialYears> {
    const loaded = await this.calendar.loadedYears();
    return officialYears(BUILTIN_YEARS, Object.fromEntries(loaded.map((y) => [y.year, { holidays: y.holidays, makeUpWorkdays: y.makeUpWorkdays }])));
  }

  /**
   * Recomputes a station's summary (the core's summarizeStation) and stores it under its branch: one conditional
   * PutItem, plus a DeleteItem from the old branch when the station moved. Best effort after a change that is stored
   * already: a failure is logged and mended by the next change or the nightly job, never turned into an error.
   * `hint` carries what this change wrote, since the status and plan indexes may not show it yet (eventual consistency).
   */
  async refreshSummary(
    stationId: string,
    hint: { movedFrom?: string; publishedPlanId?: string; request?: Redeployment } = {},
    now: Date = new Date(),
  ): Promise<StationSummary | null> {
    try {
      const basis = now.toISOString();
      const station = await this.stations.get(stationId);
      if (!station) return null;
      const { id: _id, version: _v, updatedAt: _at, updatedBy: _by, ...config } = station;
      const today = todayIn(config.timezone, now);
      const to = addDaysTo(today, WINDOW_DAYS - 1);
      const published = await this.plans.listPublished(stationId, today, to);
      if (hint.publishedPlanId && !published.some((p) => p.id === hint.publishedPlanId)) {
        const plan = await this.plans.get(stationId, hint.publishedPlanId);
        if (plan && plan.status === 'published' && overlaps(plan, today, to)) published.push(plan);
      }
      let pending = await this.redeployments.withStatus(stationId, ['pending']);
      if (hint.request) pending = [...pending.filter((r) => r.id !== hint.request!.id), ...(hint.request.status === 'pending' ? [hint.request] : [])];
      const summary = summarizeStation({ stationId, station: config, today, published, pending, computedAt: basis, calendar: await this.officialYears() });
      await this.branches.put(summary, basis);
      if (hint.movedFrom && hint.movedFrom !== summary.branchId) await this.branches.remove(hint.movedFrom, stationId);
      return summary;
    } catch (error) {
      this.log.warn('station summary left for the next change or the nightly job', { stationId, error: error instanceof Error ? error : String(error) });
      return null;
    }
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
