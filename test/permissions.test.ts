// "Who may do what" (API.md) through may() and authorize(): per group, own station against another, and the 403 codes.
import { describe, expect, it } from 'vitest';
import { ACTIONS, GROUPS, authorize, authorizeBranch, branchAfterPut, may, needsBranch, type Action, type Group, type StationScope } from '../shared/auth/permissions.ts';
import type { Actor } from '../shared/domain/audit.ts';
import { DomainError } from '../shared/domain/errors.ts';

const OWN = 'qianmen';
const OTHER = 'dashilan';

const BRANCH = 'dongcheng';

/** A station and the branch it is stored under (every station of these tests is in BRANCH unless said otherwise). */
const at = (stationId: string, branchId = BRANCH): StationScope => ({ stationId, branchId });

const actor = (groups: string[], stationId: string | null = OWN, sub = 'P001', branchId: string | null = groups.includes('branch') ? BRANCH : null): Actor => ({
  sub,
  groups,
  stationId,
  ...(branchId ? { branchId } : {}),
});

/** The 403 authorize() throws, or null when it lets the actor through. */
function refusal(who: Actor, action: Action, scope: StationScope): { status: number; code: string } | null {
  try {
    authorize(who, action, scope);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { status: error.status, code: error.code };
  }
}

// The table of API.md, row by row: the groups allowed, everyone else refused.
const TABLE: { row: string; actions: Action[]; allowed: Group[] }[] = [
  { row: 'PUT /stations/{id} (configuration)', actions: ['station.configure'], allowed: ['director', 'instructor', 'admin'] },
  {
    row: 'plan, publish, read the whole roster, create or withdraw a redeployment request',
    actions: ['plan.manage', 'roster.read', 'redeployment.request'],
    allowed: ['director', 'instructor', 'deputy'],
  },
  { row: 'approve or reject a redeployment', actions: ['redeployment.decide'], allowed: ['director', 'instructor', 'branch'] },
  { row: 'declare level-1 reinforced duty', actions: ['reinforced-duty.declare'], allowed: ['branch'] },
  { row: "read one's own roster and calendar file", actions: ['roster.own'], allowed: [...GROUPS] },
];

describe.each(TABLE)('$row', ({ actions, allowed }) => {
  const denied = GROUPS.filter((g) => !allowed.includes(g));

  describe.each(actions)('%s', (action) => {
    it.each(allowed)('%s of the station may', (group) => {
      expect(may(actor([group]), action, at(OWN))).toBe(true);
      expect(refusal(actor([group]), action, at(OWN))).toBeNull();
    });

    if (denied.length > 0)
      it.each(denied)('%s may not (403 AUTH-ROLE), on its own station or any other', (group) => {
        expect(may(actor([group]), action, at(OWN))).toBe(false);
        expect(may(actor([group]), action, at(OTHER))).toBe(false);
        expect(refusal(actor([group]), action, at(OWN))).toEqual({ status: 403, code: 'AUTH-ROLE' });
        expect(refusal(actor([group]), action, at(OTHER))).toEqual({ status: 403, code: 'AUTH-ROLE' });
      });

    const stationBound = allowed.filter((g) => g !== 'branch' && g !== 'admin');
    if (stationBound.length > 0)
      it.each(stationBound)('%s of another station may not (403 AUTH-STATION)', (group) => {
        expect(may(actor([group]), action, at(OTHER))).toBe(false);
        expect(refusal(actor([group]), action, at(OTHER))).toEqual({ status: 403, code: 'AUTH-STATION' });
      });

    const crossStation = allowed.filter((g) => g === 'branch' || g === 'admin');
    if (crossStation.length > 0)
      it.each(crossStation)('%s may on every station of its branch, with or without a station of its own', (group) => {
        for (const stationId of [OWN, OTHER, 'station-7'])
          for (const home of [OWN, null]) {
            expect(may(actor([group], home), action, at(stationId))).toBe(true);
            expect(refusal(actor([group], home), action, at(stationId))).toBeNull();
          }
      });
  });
});

describe('the actions the table implies for reading', () => {
  it('the station configuration and the audit trail are readable by the station leadership and by branch and admin', () => {
    for (const action of ['station.read', 'audit.read'] as const) {
      for (const group of ['director', 'instructor', 'deputy'] as const) {
        expect(may(actor([group]), action, at(OWN))).toBe(true);
        expect(refusal(actor([group]), action, at(OTHER))?.code).toBe('AUTH-STATION');
      }
      for (const group of ['branch', 'admin'] as const) expect(may(actor([group], null), action, at(OTHER))).toBe(true);
      for (const group of ['officer', 'auxiliary'] as const) expect(refusal(actor([group]), action, at(OWN))?.code).toBe('AUTH-ROLE');
    }
  });
});

describe('edge cases of the rule', () => {
  it('the role is checked before the station: a wrong group on another station is AUTH-ROLE', () => {
    expect(refusal(actor(['officer'], OTHER), 'station.configure', at(OWN))).toEqual({ status: 403, code: 'AUTH-ROLE' });
  });

  it('a caller in no group may do nothing, not even read their own roster', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      expect(may(actor([]), action, at(OWN))).toBe(false);
      expect(refusal(actor([]), action, at(OWN))?.code).toBe('AUTH-ROLE');
    }
  });

  it('a station role without a station acts on no station', () => {
    expect(may(actor(['director'], null), 'station.configure', at(OWN))).toBe(false);
    expect(refusal(actor(['director'], null), 'station.configure', at(OWN))?.code).toBe('AUTH-STATION');
  });

  it('unknown groups grant nothing', () => {
    expect(refusal(actor(['superuser', 'root']), 'station.configure', at(OWN))?.code).toBe('AUTH-ROLE');
    expect(refusal(actor(['Director']), 'station.configure', at(OWN))?.code).toBe('AUTH-ROLE');
  });

  it('cross-station reach comes only from the group that grants the action', () => {
    // A director who is also branch: branch may not configure, so the director role only reaches their own station.
    const both = actor(['director', 'branch'], OWN);
    expect(may(both, 'station.configure', at(OWN))).toBe(true);
    expect(refusal(both, 'station.configure', at(OTHER))?.code).toBe('AUTH-STATION');
    // … but branch decides redeployments on any station.
    expect(may(both, 'redeployment.decide', at(OTHER))).toBe(true);
    // A director who is also admin configures any station.
    expect(may(actor(['director', 'admin'], OWN), 'station.configure', at(OTHER))).toBe(true);
  });

  it('admin is not a planner: it configures stations but does not plan, decide or declare', () => {
    const admin = actor(['admin'], null);
    expect(may(admin, 'station.configure', at(OTHER))).toBe(true);
    for (const action of ['plan.manage', 'roster.read', 'redeployment.request', 'redeployment.decide', 'reinforced-duty.declare'] as const)
      expect(refusal(admin, action, at(OTHER))?.code).toBe('AUTH-ROLE');
  });

  it('the 403 message names the rule that refused', () => {
    try {
      authorize(actor(['officer']), 'station.configure', at(OWN));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toMatch(/director, instructor, admin/);
      expect((error as DomainError).message).toMatch(/officer/);
    }
    try {
      authorize(actor(['director']), 'station.configure', at(OTHER));
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).message).toContain(OWN);
      expect((error as DomainError).message).toContain(OTHER);
    }
  });
});

describe('tenancy: branch users act on their own branch only (AUTH-BRANCH)', () => {
  const ELSEWHERE = 'xicheng';
  const branchActions = (Object.keys(ACTIONS) as Action[]).filter((a) => (ACTIONS[a] as readonly string[]).includes('branch'));

  it.each(branchActions)('%s: a branch user may on a station of their branch, not on one of another branch', (action) => {
    const branch = actor(['branch'], null);
    expect(may(branch, action, at(OTHER, BRANCH))).toBe(true);
    expect(refusal(branch, action, at(OTHER, ELSEWHERE))).toEqual({ status: 403, code: 'AUTH-BRANCH' });
  });

  it('another branch is AUTH-BRANCH on every station action, even those the branch may never do', () => {
    const branch = actor(['branch'], null);
    for (const action of Object.keys(ACTIONS) as Action[]) {
      if (action === 'branch.read') continue;
      expect(refusal(branch, action, at(OTHER, ELSEWHERE))?.code).toBe('AUTH-BRANCH');
    }
    // … while on its own branch an action the branch may not do stays AUTH-ROLE.
    expect(refusal(branch, 'plan.manage', at(OTHER, BRANCH))?.code).toBe('AUTH-ROLE');
  });

  it('a branch user without custom:branchId acts on no station as the branch', () => {
    const nameless = actor(['branch'], null, 'B1', null);
    expect(refusal(nameless, 'reinforced-duty.declare', at(OTHER, BRANCH))?.code).toBe('AUTH-BRANCH');
    expect(refusal(nameless, 'reinforced-duty.declare', at(OTHER, 'default'))?.code).toBe('AUTH-BRANCH');
  });

  it('admin acts on every branch; a station director of one branch cannot read another station', () => {
    const admin = actor(['admin'], null);
    for (const branchId of [BRANCH, ELSEWHERE, 'default']) expect(may(admin, 'station.read', at(OTHER, branchId))).toBe(true);
    expect(refusal(actor(['director'], OWN), 'station.read', at(OTHER, BRANCH))?.code).toBe('AUTH-STATION');
  });

  it('the branch is read only when the decision needs it: for a branch user, not for a leader or admin', () => {
    expect(needsBranch(actor(['branch'], null), OWN)).toBe(true);
    expect(needsBranch(actor(['director']), OWN)).toBe(false);
    expect(needsBranch(actor(['director', 'branch'], OWN), OWN)).toBe(false);
    expect(needsBranch(actor(['director', 'branch'], OWN), OTHER)).toBe(true);
    expect(needsBranch(actor(['admin', 'branch'], null), OWN)).toBe(false);
    // Asking a branch decision without the branch is a programming error, never a silent yes or no.
    expect(() => may(actor(['branch'], null), 'station.read', { stationId: OWN })).toThrow(/needsBranch/);
  });

  it('a branch list: admin and that branch only', () => {
    expect(() => authorizeBranch(actor(['admin'], null), ELSEWHERE)).not.toThrow();
    expect(() => authorizeBranch(actor(['branch'], null), BRANCH)).not.toThrow();
    expect(() => authorizeBranch(actor(['branch'], null), ELSEWHERE)).toThrow(expect.objectContaining({ code: 'AUTH-BRANCH' }));
    expect(() => authorizeBranch(actor(['director']), BRANCH)).toThrow(expect.objectContaining({ code: 'AUTH-ROLE' }));
  });

  it("the station's branch: set on creation, kept when left out, changed by admin only", () => {
    const director = actor(['director']);
    expect(branchAfterPut(director, null, undefined, 'default')).toBe('default');
    expect(branchAfterPut(director, null, BRANCH, 'default')).toBe(BRANCH);
    expect(branchAfterPut(director, BRANCH, undefined, 'default')).toBe(BRANCH);
    expect(branchAfterPut(director, BRANCH, BRANCH, 'default')).toBe(BRANCH);
    expect(() => branchAfterPut(director, BRANCH, ELSEWHERE, 'default')).toThrow(expect.objectContaining({ status: 403, code: 'AUTH-BRANCH' }));
    expect(branchAfterPut(actor(['admin'], null), BRANCH, ELSEWHERE, 'default')).toBe(ELSEWHERE);
  });
});

describe('the person id from Cognito tokens', () => {
  it('takes cognito:username over the generated sub, and sub for local tokens', async () => {
    const { httpHandler } = await import('../shared/http/api.ts');
    const { apiEvent, invoke } = await import('./helpers/dynalite.ts');
    const handler = httpHandler({ 'GET /whoami': async (request) => ({ body: { sub: request.actor.sub } }) });
    const cognito = await invoke(handler, apiEvent({ method: 'GET', path: '/whoami', claims: { sub: '8f1c-uuid', groups: ['officer'], stationId: 'demo', extra: { 'cognito:username': 'P014' } } }));
    expect(cognito.body.sub).toBe('P014');
    const local = await invoke(handler, apiEvent({ method: 'GET', path: '/whoami', claims: { sub: 'P020', groups: ['officer'], stationId: 'demo' } }));
    expect(local.body.sub).toBe('P020');
  });
});
