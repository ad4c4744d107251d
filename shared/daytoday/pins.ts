// PIN-1: what a pin fixes and whether the hard rules allow it. The refusal names the rule the existing pure checks
// find (shared/rules/day-to-day.ts), then whether the model would offer that post at all (shared/solver/model.ts):
// the planner keeps a pin by restricting the person's day to the pinned option, so a pin it could not offer is refused.
import type { Pin, PinBody } from '../domain/day-to-day.ts';
import type { ApprovedRedeployment, Assignment } from '../domain/plan.ts';
import type { StationConfig } from '../domain/station.ts';
import { addDaysTo, patternShiftCode, restCode, COMMUNITY_WEEKDAY_SHIFT } from '../rotation/index.ts';
import { demandApplies } from '../rules/days.ts';
import { dayBreaks, pinDateSaid } from '../rules/day-to-day.ts';
import { say, type Params } from '../i18n/index.ts';
import { buildModel, optionForPin } from '../solver/model.ts';
import { assignmentAs, stationCalendar } from './assignments.ts';

/** The rule a pin breaks and its sentence (a catalogue message when it has a key). */
export type PinRefusal = { rule: string; message: string; key?: string | undefined; params?: Params | undefined };

/** The shift a pin means when it names none: the person's own shift where the post is asked for in it, else the post's. */
export function pinShift(station: StationConfig, body: Pick<PinBody, 'personId' | 'date' | 'post' | 'shift'>): string {
  if (body.shift) return body.shift;
  if (body.post === 'rest') return restCode(station);
  const person = station.people.find((p) => p.id === body.personId);
  const own = person ? patternShiftCode(station, person, body.date, stationCalendar(station)) : restCode(station);
  if (body.post === 'community') return station.shiftTypes.some((s) => s.code === COMMUNITY_WEEKDAY_SHIFT) ? COMMUNITY_WEEKDAY_SHIFT : own;
  const rows = station.demand.filter((d) => d.post === body.post && demandApplies(station, d, body.date, stationCalendar(station)));
  return (rows.find((d) => d.shift === own) ?? rows[0])?.shift ?? own;
}

/** The station without the pin already on that person's day (a new pin replaces it). */
function withoutCell(station: StationConfig, personId: string, date: string): StationConfig {
  return { ...station, pins: station.pins.filter((p) => !(p.personId === personId && p.date === date)) };
}

/**
 * Why a pin may not be set, or null. Order: PIN-1 (a past day); the hard rules on the pinned day against the days
 * around it as they stand (other pins, else the pattern); PIN-1 again when the planner could not offer the post.
 */
export function pinRefusal(input: {
  station: StationConfig;
  approved: readonly ApprovedRedeployment[];
  pin: Pick<Pin, 'personId' | 'date' | 'post' | 'shift'>;
  today: string;
}): PinRefusal | null {
  const { approved, pin, today } = input;
  const past = pinDateSaid(pin.date, today);
  if (past) return { rule: 'PIN-1', ...past };
  const station = withoutCell(input.station, pin.personId, pin.date);
  const before = addDaysTo(pin.date, -1);
  const model = buildModel(station, before, 3, approved, [], stationCalendar(station));
  const p = model.people.findIndex((i) => i.person.id === pin.personId);
  if (p < 0) return { rule: 'PIN-1', ...say('pin.stranger', { personId: pin.personId }) };
  const pinned = assignmentAs(station, approved, pin);
  // The neighbouring days as every plan will have them at least: pinned, or the person's own day.
  const around: Assignment[] = [0, 2].map((d) => {
    const o = model.domains[p * 3 + d]![0]!;
    return assignmentAs(station, approved, { personId: pin.personId, date: model.dates[d]!, post: o.post, shift: o.shift }, o.callIn ? { callIn: true } : {});
  });
  const ctx = { station, start: before, days: 3, approved: [...approved], calendar: stationCalendar(station) };
  const broken = dayBreaks(ctx, [pinned, ...around], [{ personId: pin.personId, date: pin.date }])[0];
  if (broken) return { rule: broken.rule, message: broken.message, key: broken.key, params: broken.params };
  const domain = model.domains[p * 3 + 1]!;
  const offered = optionForPin(domain, pin) ?? (pin.post === 'rest' && domain[0]!.kind !== 'absent' ? domain[0]! : null);
  if (!offered)
    return { rule: 'PIN-1', ...say('pin.notOffered', { post: pin.post, shift: pin.shift, personId: pin.personId, date: pin.date }) };
  return null;
}
