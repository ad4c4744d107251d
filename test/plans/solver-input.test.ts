// What POST /stations/{id}/plans hands the solver: the station, the range, the published assignments of those dates
// (STAB-1, latest publication per date), the approved redeployments (none until that store exists), seed and budget.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SolveInput } from '../../shared/solver/types.ts';

const inputs: SolveInput[] = [];
vi.mock('../../shared/solver/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../shared/solver/index.ts')>();
  return {
    ...real,
    planRoster: (input: SolveInput) => {
      inputs.push(input);
      return real.planRoster(input);
    },
  };
});

const { handler } = await import('../../functions/plans/handler.ts');
const { loadDemoStation } = await import('../../local/app.ts');
const { apiEvent, invoke, startTestStore } = await import('../helpers/dynalite.ts');

let db: Awaited<ReturnType<typeof startTestStore>>;
beforeAll(async () => {
  db = await startTestStore();
  await loadDemoStation(db.store);
});
afterAll(async () => {
  await db?.close();
});

const claims = { sub: 'P001', groups: ['director'], stationId: 'demo' };
const create = (body: unknown) =>
  invoke(handler, apiEvent({ method: 'POST', path: '/stations/demo/plans', routeKey: 'POST /stations/{stationId}/plans', pathParameters: { stationId: 'demo' }, body, claims }));
const publish = (planId: string) =>
  invoke(
    handler,
    apiEvent({ method: 'POST', path: `/stations/demo/plans/${planId}/publish`, routeKey: 'POST /stations/{stationId}/plans/{planId}/publish', pathParameters: { stationId: 'demo', planId }, claims }),
  );

describe('the solver input', () => {
  it('first plan: no published days, no approvals, the request\'s seed and budget, the station without its record fields', async () => {
    const answer = await create({ start: '2027-01-04', days: 7, seed: 5, seconds: 0.2 });
    expect(answer.status).toBe(201);
    const input = inputs.at(-1)!;
    expect(input).toMatchObject({ start: '2027-01-04', days: 7, seed: 5, seconds: 0.2, approved: [], published: [] });
    expect(input.station.name).toBe((await db.store.stations.get('demo'))!.name);
    expect(input.station).not.toHaveProperty('version');
    expect((await publish(answer.body.id)).status).toBe(200);
  });

  it('a plan over published days gets exactly the published assignments of its range (STAB-1)', async () => {
    const first = (await db.store.plans.listPublished('demo', '2027-01-01', '2027-01-31'))[0]!;
    const answer = await create({ start: '2027-01-08', days: 7, seconds: 0.2 });
    expect(answer.status).toBe(201);
    const input = inputs.at(-1)!;
    const key = (a: { date: string; personId: string; start?: string | undefined }) => `${a.date}|${a.personId}|${a.start ?? ''}`;
    const sorted = <T extends { date: string; personId: string }>(list: readonly T[]) => [...list].sort((x, y) => key(x).localeCompare(key(y)));
    expect(sorted(input.published!)).toEqual(sorted(first.assignments.filter((a) => a.date >= '2027-01-08' && a.date <= '2027-01-10')));
    expect(input.published!.length).toBeGreaterThan(0);
  });
});
