// GET /stations/{stationId}/replan?from=&to= (which published days need a re-plan) and POST .../replan (re-plan
// exactly those days): a draft plan over the span of those days in which every other day keeps its published
// assignments exactly (frozen in the model), pins are kept (PIN-1) and the changed days stay as close to what was
// published as the rules allow (STAB-1); the answer carries the difference cell by cell. Publishing is the ordinary
// `POST .../plans/{planId}/publish`.
import { randomUUID } from 'node:crypto';
import { todayIn } from '../../shared/approvals/index.ts';
import { authorizeStation } from '../../shared/http/access.ts';
import { notFound } from '../../shared/domain/errors.ts';
import { say, summaryOf } from '../../shared/i18n/index.ts';
import { DateRange, ReplanBody, type ReplanAnswer, type ReplanDays } from '../../shared/domain/day-to-day.ts';
import { MAX_PLAN_DAYS } from '../../shared/domain/plan.ts';
import { draftOf, planInputs } from '../../shared/planning/make.ts';
import { parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { stationIdOf } from '../../shared/http/params.ts';
import { addDaysTo, daysBetween } from '../../shared/rotation/index.ts';
import { daysNeedingReplan, rosterDiff } from '../../shared/roster/diff.ts';
import { planRoster } from '../../shared/solver/index.ts';
import { newAuditId, storeFromEnvironment } from '../../shared/store/index.ts';

async function neededDays(stationId: string, range: { from?: string | undefined; to?: string | undefined }) {
  const store = storeFromEnvironment();
  const station = await store.stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  const from = range.from ?? todayIn(station.timezone);
  const to = range.to ?? addDaysTo(from, MAX_PLAN_DAYS - 1);
  const heads = await store.plans.listPublishedHeads(stationId, from, to);
  return { store, station, from, to, days: daysNeedingReplan(heads, from, to) };
}

export async function replanDays(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'plan.manage', stationId);
  const range = parseOr400(DateRange, { from: request.query.from, to: request.query.to }, 'query');
  const { from, to, days } = await neededDays(stationId, range);
  return { body: { from, to, days } satisfies ReplanDays };
}

export async function replanChangedDays(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'plan.manage', stationId);
  const body = parseOr400(ReplanBody, request.body, 're-plan request') ?? {};
  const { store, days } = await neededDays(stationId, body);
  if (days.length === 0) return { body: { days: [], plan: null, changes: [], count: 0 } satisfies ReplanAnswer };
  const start = days[0]!;
  const span = Math.min(daysBetween(start, days[days.length - 1]!) + 1, MAX_PLAN_DAYS);
  const end = addDaysTo(start, span - 1);
  const chosen = days.filter((d) => d <= end);
  // The same inputs and draft as any plan (official calendar, approvals, published days kept, bound and gap), with
  // every day outside the chosen ones frozen as published.
  const inputs = await planInputs(store, stationId, { start, days: span, seed: body.seed, seconds: body.seconds });
  const replan = new Set(chosen);
  const frozenDates = Array.from({ length: span }, (_, i) => addDaysTo(start, i)).filter((d) => !replan.has(d));
  const solved = planRoster({ ...inputs.input, frozenDates });
  const changes = rosterDiff(inputs.published, solved.assignments);

  const at = new Date();
  const plan = draftOf({ id: `pl_${randomUUID().replace(/-/g, '')}`, stationId, createdAt: at.toISOString(), createdBy: request.actor.sub }, inputs, solved);
  await store.plans.create(plan, {
    id: newAuditId(at),
    stationId,
    at: plan.createdAt,
    actor: request.actor,
    action: 'plan.created',
    target: { kind: 'plan', id: plan.id },
    ...summaryOf(say('audit.replan', { days: chosen, planId: plan.id, start, end, changed: changes.length })),
    detail: { planId: plan.id, start, days: span, replanned: chosen, changed: changes.length, stationVersion: inputs.stationVersion },
  });
  return {
    status: 201,
    body: { days: chosen, plan, changes, count: changes.length } satisfies ReplanAnswer,
    headers: { location: `/stations/${stationId}/plans/${plan.id}` },
  };
}
