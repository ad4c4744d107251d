// Shortfalls with their reasons, and the redeployment a station could request for a short FB-3 post (AP-6 cost).
// A shortfall says which rule kept the post uncovered, who was there and why they could not take it.
import { NEEDS_REDEPLOYMENT, forbiddingRule } from '../domain/posts.ts';
import type { Shortfall, Suggestion } from '../domain/plan.ts';
import type { RosterState } from './station/state.ts';
import { shiftTimes } from '../rotation/index.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function explainShortfalls(state: RosterState): Shortfall[] {
  const { model } = state;
  const out: Shortfall[] = [];
  model.rows.forEach((row, r) => {
    const missing = row.people - state.cover[r]!;
    if (missing <= 0) return;
    const date = model.dates[row.date]!;
    const skillWord = row.skills.length ? row.skills.join(' + ') : 'people';
    const hasSkills = (p: number) => row.skills.every((s) => model.people[p]!.skills.has(s));
    let onShift = 0;
    let absent = 0;
    let busy = 0;
    let dedicatedOnDuty = 0;
    let offDuty = 0;
    let offBlocked = 0;
    let calledIn = 0;
    const groups = new Set<string>();
    const busyPosts = new Set<string>();
    for (const info of model.people) {
      if (!hasSkills(info.index)) continue;
      const cell = info.index * state.days + row.date;
      const current = state.option(cell);
      const onThisShift = model.patternShift[cell] === row.shift;
      if (current.kind === 'absent') {
        if (onThisShift && !info.dedicated) absent += 1;
        continue;
      }
      if (onThisShift) {
        if (info.person.group) groups.add(info.person.group);
        if (info.dedicated) {
          dedicatedOnDuty += 1;
          continue;
        }
        onShift += 1;
        if (current.kind === 'demand' && current.post !== row.post) {
          busy += 1;
          busyPosts.add(current.post);
        }
        continue;
      }
      if (current.callIn) calledIn += 1;
      if (current.kind === 'rest' && !info.dedicated) {
        offDuty += 1;
        const callIn = model.domains[cell]!.findIndex((o) => o.row === r);
        if (callIn >= 0) {
          const before = state.choice[cell]!;
          state.set(cell, callIn);
          if (!state.feasible(info.index, row.date)) offBlocked += 1;
          state.set(cell, before);
        }
      }
    }
    const who = groups.size ? `group ${[...groups].sort().join('/')}` : `shift ${row.shift}`;
    const withSkill = row.skills.length ? ` with ${skillWord}` : '';
    const parts = [`${who} has ${plural(onShift + absent, 'person', 'people')}${withSkill} on ${row.shift}`];
    if (absent) parts.push(`${absent} absent (ROT-4)`);
    if (busy) parts.push(`${busy} already on ${[...busyPosts].sort().join(', ')}`);
    const fb = forbiddingRule(row.post);
    if (dedicatedOnDuty && fb) parts.push(`the other ${plural(dedicatedOnDuty, 'officer')}${withSkill} on duty ${dedicatedOnDuty === 1 ? 'is a' : 'are'} dedicated community officer${dedicatedOnDuty === 1 ? '' : 's'} (${fb}${fb === 'FB-3' ? ': needs an approved redeployment' : ''})`);
    if (calledIn) parts.push(`${plural(calledIn, 'person', 'people')}${withSkill} already called in from a day off`);
    if (offBlocked) parts.push(`${plural(offBlocked, 'person', 'people')} off that day cannot be called in without breaking the ${model.station.rules.minRestHours} h rest (REST-1)`);
    else if (offDuty && !busy) parts.push(`${plural(offDuty, 'person', 'people')} off that day could not be called in`);
    if (onShift + absent === 0 && dedicatedOnDuty === 0 && offDuty === 0) parts.push(`nobody at the station has ${skillWord === 'people' ? 'a free slot' : `the skill ${skillWord}`} (SKILL-1)`);
    const rule =
      dedicatedOnDuty && fb ? fb : offBlocked ? 'REST-1' : absent ? 'ROT-4' : onShift + absent === 0 && offDuty === 0 && row.skills.length ? 'SKILL-1' : 'COVER';
    out.push({
      date,
      shift: row.shift,
      post: row.post,
      missing,
      rule,
      message: `${row.post} on ${date} (shift ${row.shift}) is ${missing} short: ${parts.join('; ')}.`,
    });
  });
  return out;
}

/**
 * For each short FB-3 post, the dedicated community officer whose pull would cost the community least (AP-6):
 * community hours lost that week, and whether CP-1, CP-2 or AB-2 would break.
 */
export function suggestRedeployments(state: RosterState, shortfalls: readonly Shortfall[]): Suggestion[] {
  const { model } = state;
  const out: Suggestion[] = [];
  const taken = new Set<string>();
  for (const shortfall of shortfalls) {
    if (!NEEDS_REDEPLOYMENT.has(shortfall.post)) continue;
    const day = model.dates.indexOf(shortfall.date);
    const row = model.rows.find((r) => r.date === day && r.post === shortfall.post && r.shift === shortfall.shift);
    if (!row) continue;
    const times = shiftTimes(model.station, row.shift, shortfall.date);
    if (!times) continue;
    for (let n = 0; n < shortfall.missing; n++) {
      let best: { cost: number; suggestion: Suggestion } | null = null;
      for (const info of model.people) {
        if (!info.dedicated || !row.skills.every((s) => info.skills.has(s))) continue;
        const key = `${info.person.id}|${shortfall.date}`;
        if (taken.has(key)) continue;
        const cell = info.index * state.days + day;
        const current = state.option(cell);
        if (current.kind !== 'home') continue; // only officers doing community work that day
        // Would the pull keep REST-1 with the neighbouring days? Try it as an off-pattern option.
        const trial = { ...current, kind: 'demand' as const, shift: row.shift, post: row.post, place: 'station' as const, hours: model.station.shiftTypes.find((s) => s.code === row.shift)?.hours ?? 0, startMs: times.start.getTime(), endMs: times.end.getTime(), offPattern: true, row: -1, key: -1 };
        const domain = model.domains[cell]!;
        domain.push(trial);
        const before = state.choice[cell]!;
        state.set(cell, domain.length - 1);
        const restOk = state.feasible(info.index, day);
        const week = model.weekOf[day]!;
        const terms = state.weekTerms(info.index, week);
        const c = model.communityOf[info.index]!;
        const abBreak = c >= 0 && model.workday[day]! && state.abCount[c * state.days + day] === 0;
        state.set(cell, before);
        domain.pop();
        if (!restOk) continue;
        const base = state.weekTerms(info.index, week);
        const breaks: ('CP-1' | 'CP-2' | 'AB-2')[] = [];
        if (terms.cp1 > base.cp1) breaks.push('CP-1');
        if (terms.cp2 > base.cp2) breaks.push('CP-2');
        if (abBreak) breaks.push('AB-2');
        const lost = current.hours;
        const cost = breaks.length * 1000 + lost * 10 + (model.meetingDay[day] ? 5 : 0);
        if (!best || cost < best.cost)
          best = {
            cost,
            suggestion: {
              kind: 'redeployment',
              personId: info.person.id,
              post: row.post,
              from: shortfall.date,
              to: shortfall.date,
              why: `${row.post} on ${shortfall.date} (shift ${row.shift}) is short and only a dedicated community officer is free; ${info.person.name} (${info.person.id}) would lose ${lost} community hours in ${model.weeks[week]}${breaks.length ? `, breaking ${breaks.join(', ')}` : ' without breaking CP-1, CP-2 or AB-2'}. Needs the approval of both chiefs (AP-1).`,
              cost: { communityHoursLost: lost, week: model.weeks[week]!, breaks },
            },
          };
      }
      if (!best) break;
      taken.add(`${best.suggestion.personId}|${shortfall.date}`);
      out.push(best.suggestion);
    }
  }
  return out;
}
