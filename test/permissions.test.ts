// "Who may do what" (API.md) through may() and authorize(): per group, own station against another, and the 403 codes.
import { describe, expect, it } from 'vitest';
import { ACTIONS, GROUPS, authorize, may, type Action, type Group } from '../shared/auth/permissions.ts';
import type { Actor } from '../shared/domain/audit.ts';
import { DomainError } from '../shared/domain/errors.ts';

const OWN = 'qianmen';
const OTHER = 'dashilan';

const actor = (groups: string[], stationId: string | null = OWN, sub = 'P001'): Actor => ({ sub, groups, stationId });

/** The 403 authorize() throws, or null when it lets the actor through. */
function refusal(who: Actor, action: Action, stationId: string): { status: number; code: string } | null {
  try {
    authorize(who, action, stationId);
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
      expect(may(actor([group]), action, OWN)).toBe(true);
      expect(refusal(actor([group]), action, OWN)).toBeNull();
    });

    if (denied.length > 0)
      it.each(denied)('%s may not (403 AUTH-ROLE), on its own station or any other', (group) => {
        expect(may(actor([group]), action, OWN)).toBe(false);
        expect(may(actor([group]), action, OTHER)).toBe(false);
        expect(refusal(actor([group]), action, OWN)).toEqual({ status: 403, code: 'AUTH-ROLE' });
        expect(refusal(actor([group]), action, OTHER)).toEqual({ status: 403, code: 'AUTH-ROLE' });
      });

    const stationBound = allowed.filter((g) => g !== 'branch' && g !== 'admin');
    if (stationBound.length > 0)
      it.each(stationBound)('%s of another station may not (403 AUTH-STATION)', (group) => {
        expect(may(actor([group]), action, OTHER)).toBe(false);
        expect(refusal(actor([group]), action, OTHER)).toEqual({ status: 403, code: 'AUTH-STATION' });
      });

    const crossStation = allowed.filter((g) => g === 'branch' || g === 'admin');
    if (crossStation.length > 0)
      it.each(crossStation)('%s may on every station, with or without a station of its own', (group) => {
        for (const stationId of [OWN, OTHER, 'station-7'])
          for (const home of [OWN, null]) {
            expect(may(actor([group], home), action, stationId)).toBe(true);
            expect(refusal(actor([group], home), action, stationId)).toBeNull();
          }
      });
  });
});

describe('the actions the table implies for reading', () => {
  it('the station configuration and the audit trail are readable by the station leadership and by branch and admin', () => {
    for (const action of ['station.read', 'audit.read'] as const) {
      for (const group of ['director', 'instructor', 'deputy'] as const) {
        expect(may(actor([group]), action, OWN)).toBe(true);
        expect(refusal(actor([group]), action, OTHER)?.code).toBe('AUTH-STATION');
      }
      for (const group of ['branch', 'admin'] as const) expect(may(actor([group], null), action, OTHER)).toBe(true);
      for (const group of ['officer', 'auxiliary'] as const) expect(refusal(actor([group]), action, OWN)?.code).toBe('AUTH-ROLE');
    }
  });
});

describe('edge cases of the rule', () => {
  it('the role is checked before the station: a wrong group on another station is AUTH-ROLE', () => {
    expect(refusal(actor(['officer'], OTHER), 'station.configure', OWN)).toEqual({ status: 403, code: 'AUTH-ROLE' });
  });

  it('a caller in no group may do nothing, not even read their own roster', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      expect(may(actor([]), action, OWN)).toBe(false);
      expect(refusal(actor([]), action, OWN)?.code).toBe('AUTH-ROLE');
    }
  });

  it('a station role without a station acts on no station', () => {
    expect(may(actor(['director'], null), 'station.configure', OWN)).toBe(false);
    expect(refusal(actor(['director'], null), 'station.configure', OWN)?.code).toBe('AUTH-STATION');
  });

  it('unknown groups grant nothing', () => {
    expect(refusal(actor(['superuser', 'root']), 'station.configure', OWN)?.code).toBe('AUTH-ROLE');
    expect(refusal(actor(['Director']), 'station.configure', OWN)?.code).toBe('AUTH-ROLE');
  });

  it('cross-station reach comes only from the group that grants the action', () => {
    // A director who is also branch: branch may not configure, so the director role only reaches their own station.
    const both = actor(['director', 'branch'], OWN);
    expect(may(both, 'station.configure', OWN)).toBe(true);
    expect(refusal(both, 'station.configure', OTHER)?.code).toBe('AUTH-STATION');
    // … but branch decides redeployments on any station.
    expect(may(both, 'redeployment.decide', OTHER)).toBe(true);
    // A director who is also admin configures any station.
    expect(may(actor(['director', 'admin'], OWN), 'station.configure', OTHER)).toBe(true);
  });

  it('admin is not a planner: it configures stations but does not plan, decide or declare', () => {
    const admin = actor(['admin'], null);
    expect(may(admin, 'station.configure', OTHER)).toBe(true);
    for (const action of ['plan.manage', 'roster.read', 'redeployment.request', 'redeployment.decide', 'reinforced-duty.declare'] as const)
      expect(refusal(admin, action, OTHER)?.code).toBe('AUTH-ROLE');
  });

  it('the 403 message names the rule that refused', () => {
    try {
      authorize(actor(['officer']), 'station.configure', OWN);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toMatch(/director, instructor, admin/);
      expect((error as DomainError).message).toMatch(/officer/);
    }
    try {
      authorize(actor(['director']), 'station.configure', OTHER);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).message).toContain(OWN);
      expect((error as DomainError).message).toContain(OTHER);
    }
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
