// Turns the search's choices into the plan document: assignments (with CP-3 flexible nights placed), KPIs.
import type { Assignment, Kpis } from '../domain/plan.ts';
import { FLEX_NIGHT_SHIFT, formatInstant, shiftTimes } from '../rotation/index.ts';
import type { Model, Option } from './model.ts';
import type { RosterState } from './station/state.ts';

type Flex = { startMs: number; endMs: number; start: string; end: string; hours: number };

/**
 * CP-3: one flexible night per week for each dedicated community officer, on a day of community work whose evening
 * leaves REST-1's rest before the next day's work. The latest such day of the week is taken (usually the eve of a
 * day off), so the choice is stable from one plan to the next.
 */
export function placeFlexNights(state: RosterState): Map<number, Flex> {
  const { model } = state;
  const placed = new Map<number, Flex>();
  const flexType = model.station.shiftTypes.find((s) => s.code === FLEX_NIGHT_SHIFT && s.hours > 0);
  if (!flexType) return placed;
  for (const info of model.people) {
    if (!info.dedicated) continue;
    for (let week = 0; week < model.weeks.length; week++) {
      for (let day = state.days - 1; day >= 0; day--) {
        if (model.weekOf[day] !== week) continue;
        const cell = info.index * state.days + day;
        const main = state.option(cell);
        if (main.post !== 'community') continue;
        const times = shiftTimes(model.station, FLEX_NIGHT_SHIFT, model.dates[day]!);
        if (!times) continue;
        const startMs = times.start.getTime();
        const endMs = times.end.getTime();
        if (main.endMs > startMs) continue;
        const nextStart = day < state.days - 1 ? nextWorkStart(state.option(cell + 1)) : model.nextAfterEndStartMs[info.index]!;
        if (nextStart - endMs < model.minRestMs) continue;
        placed.set(cell, { startMs, endMs, start: formatInstant(times.start), end: formatInstant(times.end), hours: flexType.hours });
        break;
      }
    }
  }
  return placed;
}

const nextWorkStart = (o: Option): number => (o.hours > 0 ? o.startMs : Number.POSITIVE_INFINITY);

export function buildAssignments(state: RosterState, flex: Map<number, Flex>): Assignment[] {
  const { model } = state;
  const instants = new Map<string, { start: string; end: string } | null>();
  const instantsOf = (shift: string, date: string) => {
    const key = `${shift}|${date}`;
    if (!instants.has(key)) {
      const t = shiftTimes(model.station, shift, date);
      instants.set(key, t ? { start: formatInstant(t.start), end: formatInstant(t.end) } : null);
    }
    return instants.get(key)!;
  };
  const out: Assignment[] = [];
  for (const info of model.people) {
    for (let day = 0; day < state.days; day++) {
      const cell = info.index * state.days + day;
      const o = state.option(cell);
      const date = model.dates[day]!;
      const times = o.hours > 0 ? instantsOf(o.shift, date) : null;
      out.push({
        personId: info.person.id,
        date,
        shift: o.shift,
        post: o.post,
        ...(times ? { start: times.start, end: times.end } : {}),
        place: o.place,
        ...(o.place === 'community' && info.communityId ? { communityId: info.communityId } : {}),
        hours: o.hours,
        ...(o.redeploymentId ? { redeploymentId: o.redeploymentId } : {}),
        ...(o.reinforced ? { reinforcedDuty: true as const } : {}),
        ...(o.callIn ? { callIn: true as const } : {}),
      });
      const f = flex.get(cell);
      if (f)
        out.push({
          personId: info.person.id,
          date,
          shift: FLEX_NIGHT_SHIFT,
          post: 'flex-night',
          start: f.start,
          end: f.end,
          place: 'community',
          ...(info.communityId ? { communityId: info.communityId } : {}),
          hours: f.hours,
        });
    }
  }
  return out;
}

export function computeKpis(model: Model, assignments: readonly Assignment[], state: RosterState): Kpis {
  const dayIndex = new Map(model.dates.map((d, i) => [d, i]));
  const people = model.people.length;
  const onPost = new Set<string>();
  const weekly = new Map<string, { personId: string; communityId?: string; week: string; community: number; work: number }>();
  const communityPeople = new Map(model.people.filter((p) => p.communityId !== undefined).map((p) => [p.person.id, p]));
  for (const a of assignments) {
    if (a.hours > 0 && a.post !== 'flex-night') onPost.add(`${a.personId}|${a.date}`);
    const info = communityPeople.get(a.personId);
    if (!info) continue;
    const week = model.weeks[model.weekOf[dayIndex.get(a.date)!]!]!;
    const key = `${a.personId}|${week}`;
    const entry = weekly.get(key) ?? { personId: a.personId, ...(info.communityId ? { communityId: info.communityId } : {}), week, community: 0, work: 0 };
    entry.work += a.hours;
    if (a.place === 'community') entry.community += a.hours;
    weekly.set(key, entry);
  }
  const abCoverage: Kpis['abCoverage'] = [];
  model.communities.forEach((communityId, c) => {
    model.dates.forEach((date, day) => {
      if (!model.workday[day]) return;
      const by = model.people
        .filter((p) => model.communityOf[p.index] === c && state.option(p.index * state.days + day).post === 'community')
        .map((p) => p.person.id);
      abCoverage.push({ communityId, date, covered: by.length > 0, by });
    });
  });
  const callIns = Array.from(state.callIns);
  const called = model.people.filter((p) => !p.dedicated && p.person.group !== null).map((p) => state.callIns[p.index]!);
  return {
    onPostShare: people && model.dates.length ? round(onPost.size / (people * model.dates.length)) : 0,
    community: [...weekly.values()].map((w) => ({
      personId: w.personId,
      ...(w.communityId ? { communityId: w.communityId } : {}),
      week: w.week,
      hours: round(w.community),
      share: w.work > 0 ? round(w.community / w.work) : 1,
    })),
    abCoverage,
    callIns: callIns.reduce((s, c) => s + c, 0),
    fairness: {
      callInsMax: called.length ? Math.max(...called) : 0,
      callInsMin: called.length ? Math.min(...called) : 0,
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
