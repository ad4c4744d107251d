// POST /stations/{stationId}/reinforced-duty (API.md, FB-4): the branch declares a level-1 reinforced-duty period.
// The period is added to the station configuration by the station store's conditional versioned write (the
// `reinforced-duty.declared` audit entry rides in it); when another change to the station wins the race, the
// declaration is re-applied once to the fresh configuration.
import { todayIn } from '../../shared/approvals/index.ts';
import { authorizeStation } from '../../shared/http/access.ts';
import { DomainError, notFound, ruleBreak } from '../../shared/domain/errors.ts';
import { ReinforcedDutyBody } from '../../shared/domain/redeployment.ts';
import { StationConfig, type ReinforcedDutyPeriod } from '../../shared/domain/station.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { stationIdOf } from '../../shared/http/params.ts';
import { newAuditId, storeFromEnvironment } from '../../shared/store/index.ts';
import { say, summaryOf } from '../../shared/i18n/index.ts';
import { logger } from '../../shared/telemetry.ts';

/** Attempts at the conditional write: the first, and one retry after a version conflict. */
const ATTEMPTS = 2;

export async function declareReinforcedDuty(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'reinforced-duty.declare', stationId);
  const body = parseOr400(ReinforcedDutyBody, request.body, 'reinforced-duty period');
  const period: ReinforcedDutyPeriod = { from: body.from, to: body.to, note: body.note };
  const store = storeFromEnvironment();

  for (let attempt = 1; ; attempt++) {
    const station = await store.stations.get(stationId);
    if (!station) throw notFound(say('error.notFound.station', { stationId }));
    const today = todayIn(station.timezone);
    if (period.to < today)
      throw ruleBreak('FB-4', say('fb4.ended', { from: period.from, to: period.to, today, stationId }), [
        { path: 'to', message: 'before today' },
      ]);
    const { id: _id, version, updatedAt: _at, updatedBy: _by, ...current } = station;
    // Declaring the same days again changes nothing: 200 with the periods as they are.
    const same = current.reinforcedDuty.find((p) => p.from === period.from && p.to === period.to);
    if (same) return { status: 200, body: { stationId, period: same, reinforcedDuty: current.reinforcedDuty, version } };

    const config = StationConfig.parse({ ...current, reinforcedDuty: [...current.reinforcedDuty, period] });
    const at = new Date();
    try {
      const saved = await store.stations.put(stationId, config, {
        expectedVersion: version,
        entry: {
          id: newAuditId(at),
          stationId,
          at: at.toISOString(),
          actor: request.actor,
          action: 'reinforced-duty.declared',
          target: { kind: 'station', id: stationId },
          ...summaryOf(say('audit.reinforced-duty.declared', { stationId, from: period.from, to: period.to, note: period.note ?? null })),
          detail: { from: period.from, to: period.to, note: period.note, version: version + 1 },
        },
      });
      // Published days in the period were planned without its reinforced-duty demand: they need a re-plan.
      await store.plans
        // Dates are YYYY-MM-DD strings: the later of the two by comparison, not Math.max.
        .replanPublished(stationId, [period.from, today].sort()[1]!, period.to, {
          at: at.toISOString(),
          actor: request.actor,
          key: `reinforced-duty@${saved.version}`,
          why: { kind: 'reinforced', from: period.from, to: period.to },
          detail: { reinforcedDuty: period },
        })
        .catch((error: unknown) => logger.warn('re-plan marking after a reinforced-duty declaration failed', { stationId, error: error instanceof Error ? error : String(error) }));
      return {
        status: 201,
        body: { stationId, period, reinforcedDuty: saved.reinforcedDuty, version: saved.version },
        headers: { location: `/stations/${stationId}`, etag: `"${saved.version}"` },
      };
    } catch (error) {
      // Someone else changed the station between our read and our write: read it again and re-apply, once.
      if (error instanceof DomainError && error.status === 409 && attempt < ATTEMPTS) continue;
      throw error;
    }
  }
}

export const handler = httpHandler({ 'POST /stations/{stationId}/reinforced-duty': declareReinforcedDuty });
