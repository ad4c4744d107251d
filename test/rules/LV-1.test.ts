// LV-1: a station leader of the station, never the person on leave, decides a leave request.
import { describe, expect, it } from 'vitest';
import { leaveDeciderRefusal } from '../../shared/rules/day-to-day.ts';

const leave = { personId: 'P003', requestedBy: 'P003' };

describe('LV-1 leave is decided by a leader, never by the person', () => {
  it('holds for a director, instructor or deputy of the station', () => {
    for (const g of ['director', 'instructor', 'deputy']) expect(leaveDeciderRefusal({ sub: 'P001', groups: [g], stationId: 's' }, 's', leave)).toBeNull();
  });
  it('breaks for the person themself, an officer, and a leader of another station', () => {
    expect(leaveDeciderRefusal({ sub: 'P003', groups: ['deputy'], stationId: 's' }, 's', leave)).toMatch(/own leave \(LV-1\)/);
    expect(leaveDeciderRefusal({ sub: 'P010', groups: ['officer'], stationId: 's' }, 's', leave)).toMatch(/LV-1/);
    expect(leaveDeciderRefusal({ sub: 'P001', groups: ['director'], stationId: 't' }, 's', leave)).toMatch(/LV-1/);
  });
});
