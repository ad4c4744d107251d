// Two chiefs approving in the same instant must both count: each decision is a compare-and-set on the request's
// version, and the loser re-reads and re-applies its decision to the fresh item (shared/store/redeployments.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Redeployment } from '../../shared/domain/redeployment.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { as, auditOf, decideOn, fileRequest, mondayAfter, putStation, readRequest, smallStation } from './helpers.ts';

const S = 'small';
const director = as(['director'], 'P001', S);
const instructor = as(['instructor'], 'P002', S);
const deputy = as(['deputy'], 'P003', S);
const OFFICERS = ['P020', 'P021', 'P030'];

let db: TestStore;
let day = 0;
const base = mondayAfter(7);

beforeAll(async () => {
  db = await startTestStore();
  expect((await putStation(S, smallStation(), director)).status).toBe(201);
});
afterAll(async () => {
  await db?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Files `n` requests, each officer on days of their own. */
async function fileMany(n: number): Promise<Redeployment[]> {
  const bodies = Array.from({ length: n }, (_, i) => {
    const date = addDaysTo(base, Math.floor(day / OFFICERS.length));
    const personId = OFFICERS[day % OFFICERS.length]!;
    day += 1;
    return { personId, post: 'security-check', from: date, to: date, reason: `load ${i}` };
  });
  // Filed in parallel too: each officer-day is different, so none refuses another.
  const answers = await Promise.all(bodies.map((body) => fileRequest(S, body, deputy)));
  return answers.map((answer) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return Redeployment.parse(answer.body);
  });
}

/** A conditional write of a request on its version (not the audit outbox's housekeeping conditions). */
const isVersionWrite = (command: unknown): boolean =>
  command instanceof UpdateCommand && (command.input.ConditionExpression ?? '').includes('#version = :expected') && String((command.input.Key as { sk?: string }).sk).startsWith('RD#');

/** Counts the conditional writes that lost a race, by watching the store client. */
function countConflicts(): { readonly count: number } {
  const client = db.store.client as unknown as { send: (...args: unknown[]) => Promise<unknown> };
  const original = client.send.bind(client);
  const counter = { count: 0 };
  vi.spyOn(client, 'send').mockImplementation(async (...args: unknown[]) => {
    try {
      return await original(...args);
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException' && isVersionWrite(args[0])) counter.count += 1;
      throw error;
    }
  });
  return counter;
}

describe('concurrent decisions', () => {
  it('a forced race: both chiefs read version 1, one write loses, is re-applied, and both count', async () => {
    const [request] = await fileMany(1);
    const client = db.store.client as unknown as { send: (...args: unknown[]) => Promise<unknown> };
    const original = client.send.bind(client);
    // Hold the first two reads of the request until both have been made, so that both deciders see version 1.
    let held = 0;
    let release: () => void = () => undefined;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    let conflicts = 0;
    vi.spyOn(client, 'send').mockImplementation(async (...args: unknown[]) => {
      const command = args[0];
      const isRequestRead = command instanceof GetCommand && (command.input.Key as { sk?: string } | undefined)?.sk === `RD#${request!.id}`;
      if (isRequestRead && held < 2) {
        held += 1;
        const result = await original(...args);
        if (held === 2) release();
        await bothRead;
        return result;
      }
      try {
        return await original(...args);
      } catch (error) {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException' && isVersionWrite(args[0])) conflicts += 1;
        throw error;
      }
    });
    const [a, b] = await Promise.all([
      decideOn(S, request!.id, { decision: 'approve', comment: 'director' }, director),
      decideOn(S, request!.id, { decision: 'approve', comment: 'instructor' }, instructor),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(conflicts).toBe(1);
    vi.restoreAllMocks();
    const final = (await readRequest(S, request!.id, director)).body as Redeployment;
    expect(final).toMatchObject({ status: 'approved', version: 3 });
    expect(final.decisions.map((d) => d.role).sort()).toEqual(['director', 'instructor']);
  });

  it('50 requests, both chiefs approving each in parallel: none lost — every request approved with exactly two decisions', async () => {
    const requests = await fileMany(50);
    const conflicts = countConflicts();
    const answers = await Promise.all(
      requests.flatMap((r) => [
        decideOn(S, r.id, { decision: 'approve', comment: `director on ${r.id}` }, director),
        decideOn(S, r.id, { decision: 'approve', comment: `instructor on ${r.id}` }, instructor),
      ]),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    vi.restoreAllMocks();
    for (const r of requests) {
      const final = (await readRequest(S, r.id, director)).body as Redeployment;
      expect(final.status, r.id).toBe('approved');
      expect(final.version).toBe(3);
      expect(final.decisions).toHaveLength(2);
      expect(final.decisions.map((d) => `${d.role}:${d.by}:${d.comment}`).sort()).toEqual([`director:P001:director on ${r.id}`, `instructor:P002:instructor on ${r.id}`]);
    }
    // Each decision left exactly one audit entry.
    const ids = new Set(requests.map((r) => r.id));
    const decided = (await auditOf(S, director)).filter((e) => e.action === 'redeployment.decided' && ids.has(e.target.id));
    expect(decided).toHaveLength(100);
    expect(new Set(decided.map((e) => `${e.target.id}|${e.actor.sub}`)).size).toBe(100);
    // The races did happen (report the number; the forced race above proves the retry path deterministically).
    console.info(`50 parallel pairs: ${conflicts.count} lost conditional writes, all re-applied`);
  }, 120_000);

  it('an approve and a reject racing: the request ends rejected and every decision answered 200 is in it', async () => {
    const requests = await fileMany(20);
    const answers = await Promise.all(
      requests.map(async (r) => {
        const [approve, reject] = await Promise.all([
          decideOn(S, r.id, { decision: 'approve' }, director),
          decideOn(S, r.id, { decision: 'reject' }, instructor),
        ]);
        return { r, approve, reject };
      }),
    );
    for (const { r, approve, reject } of answers) {
      expect(reject.status).toBe(200);
      // The approval either landed first (200) or came after the rejection (409 AP-5): never lost silently.
      expect([200, 409]).toContain(approve.status);
      if (approve.status === 409) expect(approve.body.error.code).toBe('AP-5');
      const final = (await readRequest(S, r.id, director)).body as Redeployment;
      expect(final.status).toBe('rejected');
      expect(final.decisions.map((d) => d.role).sort()).toEqual(approve.status === 200 ? ['director', 'instructor'] : ['instructor']);
    }
  }, 60_000);
});
