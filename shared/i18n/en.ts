// English sentences, one per message key. Keys and params are shared with zh.ts (same keys, checked by the type).
// The English text keeps post ids and rule IDs as the API has always written them.
import { list, num, objects, plural, round1, str, type Params, type Template } from './format.ts';
import { meetingName, weekdayName, fieldName } from './terms.ts';
import { holidayLabel } from '../calendar/index.ts';

/** The Chinese and English headers of a staff column (kept here to avoid importing the staff module). */
const STAFF_HEADERS: Record<string, string> = { name: '姓名/name', id: '警号/id', kind: '类别/kind', rank: '职务/rank', group: '班组/group', skills: '技能/skills', community: '社区/community', role: 'AB角/role', dedicated: '专职/dedicated', since: '任职日期/since', joined: '入警日期/joined' };
const staffHeader = (c: string): string => STAFF_HEADERS[c] ?? c;

const who = (p: Params, name = 'name', id = 'personId'): string => (p[name] ? `${str(p[name])} (${str(p[id])})` : str(p[id]));
const pct = (share: number): string => `${Math.round(share * 100)} %`;
const withDay = (date: string): string => `${date} (${weekdayName('en', date)})`;
const weekSpan = (p: Params): string => `${str(p.week)} (${str(p.from)} to ${str(p.to)})`;

function whereabouts(w: Params): string {
  switch (str(w.kind)) {
    case 'absent':
      return `absent (${str(w.reason)})`;
    case 'none':
      return 'has no assignment';
    case 'absentPost':
      return 'absent';
    case 'resting':
      return 'resting';
    default:
      return objects(w.items)
        .map((a) => {
          switch (str(a.kind)) {
            case 'redeployed':
              return `redeployed to ${str(a.post)}`;
            case 'reinforced':
              return 'on reinforced duty';
            case 'flex':
              return 'on a flexible night';
            case 'community':
              return `at community work in ${str(a.communityId) || '?'}`;
            case 'meeting':
              return 'at a meeting';
            default:
              return `on ${str(a.post)}`;
          }
        })
        .join(' and ');
  }
}

/** CP-2's target is pro-rated for days of absence and public holidays in the week. */
function proRated(p: Params): string {
  const reasons = [...(num(p.absentDays) > 0 ? [`${num(p.absentDays)} day(s) of absence`] : []), ...(num(p.holidayDays) > 0 ? [`${num(p.holidayDays)} public holiday(s)`] : [])];
  return reasons.length ? `, pro-rated for ${reasons.join(' and ')} from ${num(p.weekly)} h` : '';
}

const OFF_PATTERN: Record<string, string> = { 'call-in': 'a call-in', redeployment: 'a redeployment', reinforced: 'reinforced duty', flex: 'a flexible night' };

function shortfall(p: Params): string {
  const skills = list(p.skills);
  const skillWord = skills.length ? skills.join(' + ') : 'people';
  const withSkill = skills.length ? ` with ${skillWord}` : '';
  const groups = list(p.groups);
  const who = groups.length ? `group ${groups.join('/')}` : `shift ${str(p.shift)}`;
  const onShift = num(p.onShift);
  const absent = num(p.absent);
  const busy = num(p.busy);
  const dedicated = num(p.dedicatedOnDuty);
  const calledIn = num(p.calledIn);
  const offBlocked = num(p.offBlocked);
  const offDuty = num(p.offDuty);
  const fb = str(p.fb);
  const parts = [`${who} has ${plural(onShift + absent, 'person', 'people')}${withSkill} on ${str(p.shift)}`];
  if (absent) parts.push(`${absent} absent (ROT-4)`);
  if (busy) parts.push(`${busy} already on ${list(p.busyPosts).join(', ')}`);
  if (dedicated && fb)
    parts.push(
      `the other ${plural(dedicated, 'officer')}${withSkill} on duty ${dedicated === 1 ? 'is a' : 'are'} dedicated community officer${dedicated === 1 ? '' : 's'} (${fb}${fb === 'FB-3' ? ': needs an approved redeployment' : ''})`,
    );
  if (calledIn) parts.push(`${plural(calledIn, 'person', 'people')}${withSkill} already called in from a day off`);
  if (offBlocked) parts.push(`${plural(offBlocked, 'person', 'people')} off that day cannot be called in without breaking the ${num(p.minRest)} h rest (REST-1)`);
  else if (offDuty && !busy) parts.push(`${plural(offDuty, 'person', 'people')} off that day could not be called in`);
  if (onShift + absent === 0 && dedicated === 0 && offDuty === 0) parts.push(`nobody at the station has ${skills.length ? `the skill ${skillWord}` : 'a free slot'} (SKILL-1)`);
  return `${str(p.post)} on ${str(p.date)} (shift ${str(p.shift)}) is ${num(p.missing)} short: ${parts.join('; ')}.`;
}

function fb3Why(p: Params): string {
  switch (str(p.why)) {
    case 'uncited':
      return `the assignment does not cite approved redeployment ${str(p.redeploymentId)}`;
    case 'elsewhere':
      return `redeployment ${str(p.redeploymentId)} covers ${str(p.coveredPost)} for ${str(p.coveredPersonId)} from ${str(p.coveredFrom)} to ${str(p.coveredTo)}, not this day and post`;
    case 'unapproved':
      return `redeployment ${str(p.redeploymentId)} is not an approved one`;
    default:
      return 'no approved redeployment covers that officer, post and day';
  }
}

function communityGap(p: Params): string {
  const officers = objects(p.officers);
  const why = officers.length === 0 ? 'it has no community officers' : officers.map((o) => `${str(o.name)} (${str(o.personId)}${o.role ? `, ${str(o.role)}` : ''}) ${whereabouts((o.where ?? {}) as Params)}`).join('; ');
  const what = str(p.rule) === 'CAL-2' ? 'no community officer does community work on the day of the weekly party committee meeting' : 'neither its A nor any of its Bs is at community work';
  return `Community ${str(p.communityName)} (${str(p.communityId)}) on ${withDay(str(p.date))}: ${what}: ${why} (${str(p.rule)})`;
}

function change(c: Params): string {
  const field = fieldName('en', str(c.field));
  switch (str(c.kind)) {
    case 'person.added':
      return `added ${who(c)}`;
    case 'person.removed':
      return `removed ${who(c)}`;
    case 'person.changed':
      return `${who(c)}: ${field} ${show(c.from)} → ${show(c.to)}`;
    case 'item.added':
      return `${field}: added ${str(c.id)}`;
    case 'item.removed':
      return `${field}: removed ${str(c.id)}`;
    case 'item.changed':
      return `${field} ${str(c.id)}: ${str(c.path)} ${show(c.from)} → ${show(c.to)}`;
    default:
      return `${field}${c.path ? `.${str(c.path)}` : ''}: ${show(c.from)} → ${show(c.to)}`;
  }
}
const show = (v: Params[string] | undefined): string => (v === undefined || v === null || v === '' ? '(none)' : Array.isArray(v) ? `[${v.map(str).join(', ')}]` : str(v));

const REQUEST_KIND: Record<string, string> = { leave: 'leave request', swap: 'swap', redeployment: 'redeployment request' };
/** A notice's days: one date, or `from to to`. */
const span = (p: Params): string => (str(p.from) === str(p.to) ? str(p.from) : `${str(p.from)} to ${str(p.to)}`);

export const en = {
  // ---- plans: shortfalls and suggestions ----
  shortfall,
  'suggestion.redeployment': (p) => {
    const breaks = list(p.breaks);
    return `${str(p.post)} on ${str(p.date)} (shift ${str(p.shift)}) is short and only a dedicated community officer is free; ${who(p)} would lose ${num(p.lost)} community hours in ${str(p.week)}${breaks.length ? `, breaking ${breaks.join(', ')}` : ' without breaking CP-1, CP-2 or AB-2'}. Needs the approval of both chiefs (AP-1).`;
  },
  // ---- plans: violations, one key per rule (and variant) ----
  'PLAN-1.missing': (p) => `${who(p)} has no assignment on ${list(p.dates).join(', ')}: every person needs one every day of the plan, rest or absent included (PLAN-1)`,
  'PLAN-1.stranger': (p) => `${str(p.personId)} is rostered but is not one of the station's people (PLAN-1)`,
  'PLAN-1.outside': (p) => `${who(p)} has assignments on ${list(p.dates).join(', ')}, outside the plan's days ${str(p.start)} + ${num(p.days)} (PLAN-1)`,
  'ROT-4': (p) => `${who(p)} is on ${str(p.post)} on ${str(p.date)} but is absent (${str(p.reason)}, ${str(p.from)} to ${str(p.to)}); an absent person is not rostered (ROT-4)`,
  'SLOT-1': (p) => `${who(p)} holds ${str(p.post)} (${str(p.start)}–${str(p.end)}) and ${str(p.otherPost)} (${str(p.otherStart)}–${str(p.otherEnd)}) at the same time; one post at a time (SLOT-1)`,
  'SKILL-1': (p) => `${who(p)} is on ${str(p.post)} (shift ${str(p.shift)}) on ${str(p.date)} without the skill ${list(p.skills).join(', ')} that post needs (SKILL-1)`,
  'FB-1': (p) => `${who(p)} is on ${str(p.post)} on ${str(p.date)}: dedicated community officers never drive patrol cars, and no approval changes that (FB-1)`,
  'FB-2': (p) => `${who(p)} is on case-handling on ${str(p.date)}: dedicated community officers handle no cases, and no approval changes that (FB-2)`,
  'FB-3': (p) => `${who(p)} is on ${str(p.post)} on ${str(p.date)}, away from community work: ${fb3Why(p)} (FB-3)`,
  'FB-4': (p) =>
    `${who(p)} is on reinforced-duty on ${str(p.date)}: ${p.inPeriod ? 'the assignment is not marked as reinforced duty, so the day is not recorded' : 'no level-1 reinforced-duty period is declared for that day'} (FB-4)`,
  'REST-1': (p) =>
    `${who(p)} has ${round1(num(p.gap))} h between ${str(p.post)} ending ${str(p.end)} and ${str(p.nextPost)} starting ${str(p.nextStart)}; with ${OFF_PATTERN[str(p.offPattern)] ?? str(p.offPattern)} involved the station needs at least ${num(p.minRest)} h rest (REST-1)`,
  'NIGHT-1': (p) => `${who(p)} works ${num(p.count)} night shifts in a row (${str(p.from)} to ${str(p.to)}); the station allows at most ${num(p.max)} (NIGHT-1)`,
  'CP-1': (p) =>
    `${who(p)} spends ${round1(num(p.communityHours))} of ${round1(num(p.workingHours))} working hours (${pct(num(p.share))}) in the community in ${weekSpan(p)}; the station asks for at least ${pct(num(p.target))} (CP-1)`,
  'CP-2': (p) =>
    `${who(p)} has ${round1(num(p.communityHours))} community hours in ${weekSpan(p)}; the target is ${round1(num(p.target))} h${proRated(p)} (CP-2)`,
  'CP-3': (p) => `${who(p)} works in ${weekSpan(p)} but has no flexible night of community work that week (CP-3)`,
  'community.gap': communityGap,
  'CAL-1': (p) =>
    `${who(p)} is on ${list(p.posts).join(' and ')} on ${withDay(str(p.date))}, the day of the ${list(p.meetings).map((m) => meetingName('en', m)).join(' and ')}${list(p.movedFrom).length ? ` (moved from the holiday ${list(p.movedFrom).join(', ')})` : ''}: meeting days are kept free for the community officers on duty (CAL-1)`,
  'CAL-3.year': (p) =>
    `No official calendar for ${str(p.year)}: the State Council's holidays and make-up working days of ${str(p.year)} are not loaded, so ${str(p.from)} to ${str(p.to)} were planned as a plain week (Monday to Friday working, no holidays); an admin loads the notice with PUT /calendar/${str(p.year)} (CAL-3)`,
  'CAL-3': (p) =>
    `${who(p)} has community weekday work (W) on ${withDay(str(p.date))}, ${p.holiday ? `a public holiday (${holidayLabel(str(p.holiday), 'en')})` : 'not an official workday'}: the community weekday schedule keeps official workdays (CAL-3)`,
  COVER: (p) =>
    `${str(p.post)} in shift ${str(p.shift)} on ${withDay(str(p.date))} needs ${num(p.needed)}, has ${num(p.have)}${num(p.reported) > 0 ? ` and reports ${num(p.reported)} missing` : ''}: ${num(p.silent)} missing without a reported shortfall (COVER)`,
  'SEQ-1': (p) => `${who(p)}: ${num(p.count)} working days in a row with a call-in among them; the station allows ${num(p.max)} (SEQ-1)`,
  'SEQ-3': (p) => `${who(p)}: a call-in leaves only ${num(p.count)} day${num(p.count) === 1 ? '' : 's'} off in a row; the station wants at least ${num(p.min)} (SEQ-3)`,
  'WKD-1': (p) => `${who(p)}: ${num(p.worked)} weekends worked, ${num(p.byCallIn)} of them only through call-ins; the station allows ${num(p.max)} in this plan (WKD-1)`,
  'TYPE-1': (p) => `${who(p)}: ${num(p.count)} ${str(p.shift)} shifts including off-pattern work; the station allows ${num(p.max)} in this plan (TYPE-1)`,
  'CP-4': (p) =>
    `${num(p.dedicated)} of the station's ${num(p.officers)} officers (${pct(num(p.share))}) are dedicated community officers; the station needs at least ${pct(num(p.target))} (CP-4)`,
  'CP-5': (p) => {
    const problems = [
      ...(p.noDedicated ? ['has no dedicated community officer'] : []),
      ...(p.fewAuxiliaries ? [`has ${num(p.auxiliaries)} auxiliar${num(p.auxiliaries) === 1 ? 'y' : 'ies'}, not 2`] : []),
    ];
    return `Community ${str(p.communityName)} (${str(p.communityId)}) ${problems.join(' and ')}: one community, one officer, two auxiliaries (CP-5)`;
  },
  'AB-1': (p) => {
    const problems = [
      ...(p.badSize ? [`has ${num(p.officers)} community officer(s), not 2 to 5`] : []),
      ...(p.badA ? [`has ${num(p.as)} A roles, not exactly one`] : []),
      ...(p.noB ? ['has no B role'] : []),
    ];
    return `Community ${str(p.communityName)} (${str(p.communityId)}) ${problems.join(', ')}: a community police group is one A and one or more Bs, 2 to 5 officers (AB-1)`;
  },
  // ---- AP-6 cost notes ----
  'cost.week': (p) => {
    const breaks = list(p.breaks);
    const findings = [
      ...(breaks.includes('CP-2') ? [`below the ${round1(num(p.target))} h target: breaks CP-2`] : []),
      ...(breaks.includes('CP-1') ? [`community share ${pct(num(p.shareAfter))}, below ${pct(num(p.share))}: breaks CP-1`] : []),
    ];
    return `${weekSpan(p)}: ${who(p)} loses ${round1(num(p.lost))} h of community work (${round1(num(p.before))} h → ${round1(num(p.after))} h)${findings.length ? `; ${findings.join('; ')}` : '; CP-1 and CP-2 hold'}`;
  },
  'cost.gap': (p) => `${withDay(str(p.date))}: nobody else of grid ${str(p.communityId)} would be at community work: breaks AB-2`,
  // ---- audit summaries ----
  'audit.station.created': (p) => `created the station "${str(p.name)}" with ${num(p.people)} people`,
  'audit.station.unchanged': () => 'saved the configuration without changes',
  'audit.station.changed': (p) => {
    const changes = objects(p.changes);
    const shown = changes.slice(0, 8).map(change);
    const more = changes.length > shown.length ? `; and ${changes.length - shown.length} more` : '';
    return `changed ${list(p.sections).join(', ')}${shown.length ? `: ${shown.join('; ')}${more}` : ''}`;
  },
  'audit.plan.created': (p) =>
    `${p.night ? `nightly job for ${str(p.night)}: ` : ''}planned ${plural(num(p.days), 'day')} from ${str(p.start)} to ${str(p.end)} for ${num(p.people)} people ` +
    `(${p.night ? '' : 'draft '}${str(p.planId)}): ${plural(num(p.shortfalls), 'shortfall')}, ${plural(num(p.hard), 'hard violation')}`,
  'audit.plan.published': (p) =>
    `${p.night ? `nightly job for ${str(p.night)}: ` : ''}published plan ${str(p.planId)} for ${str(p.start)} to ${str(p.end)}` +
    (list(p.takesOver).length > 0 ? `; it replaces ${list(p.takesOver).join(', ')} on those dates` : ''),
  'audit.plan.replan-needed': (p) => {
    const dates = list(p.dates);
    const cause = (p.cause ?? {}) as Params;
    const why =
      str(cause.kind) === 'day-to-day'
        ? str(cause.en)
        : str(cause.kind) === 'reinforced'
        ? `level-1 reinforced duty was declared from ${str(cause.from)} to ${str(cause.to)} (FB-4)`
        : `request ${str(cause.requestId)} (${str(cause.personId)} on ${str(cause.post)}, ${str(cause.from)} to ${str(cause.to)}) was ${str(cause.status)}`;
    return `${plural(dates.length, 'published day')} of plan ${str(p.planId)} (${dates[0] ?? ''}${dates.length > 1 ? ` to ${dates[dates.length - 1]}` : ''}) need a re-plan: ${why}`;
  },
  'audit.redeployment.requested': (p) =>
    `asked to put ${who(p)} on ${str(p.post)} from ${str(p.from)} to ${str(p.to)} (${str(p.kind)}` +
    `${p.replacementId ? `, replaced by ${who(p, 'replacementName', 'replacementId')}` : ''}); needs ${list(p.required).join(', ')}; ` +
    `costs ${num(p.lost)} community hours${list(p.breaks).length ? `, breaking ${list(p.breaks).join(', ')}` : ''}`,
  'audit.redeployment.decided': (p) => {
    const outcome =
      str(p.transition) === 'approved'
        ? 'now approved'
        : str(p.transition) === 'rejected'
          ? 'now rejected'
          : `${num(p.approvals)} of ${num(p.required)} approvals; waiting for ${list(p.waiting).join(', ')}`;
    return `${str(p.actor)} (${str(p.role)}) ${str(p.decision) === 'approve' ? 'approved' : 'rejected'} request ${str(p.requestId)} (${str(p.personId)} on ${str(p.post)}, ${str(p.from)} to ${str(p.to)}): ${outcome}`;
  },
  'audit.redeployment.withdrawn': (p) =>
    `${str(p.actor)} withdrew ${p.wasApproved ? 'approved ' : ''}request ${str(p.requestId)} (${str(p.personId)} on ${str(p.post)}, ${str(p.from)} to ${str(p.to)})${p.reason ? `: ${str(p.reason)}` : ''}`,
  'audit.redeployment.expired': (p) => `request ${str(p.requestId)} expired: it was still pending after its first day ${str(p.from)} (${str(p.personId)}, ${str(p.post)})`,
  'audit.reinforced-duty.declared': (p) => `declared level-1 reinforced duty at ${str(p.stationId)} from ${str(p.from)} to ${str(p.to)}${p.note ? `: ${str(p.note)}` : ''} (FB-4)`,
  'audit.change': (p) => change(p),
  // ---- audit summaries of the day-to-day loop ----
  'audit.leave.requested': (p) => `${str(p.requestedBy)} asked for leave for ${str(p.personId)} from ${str(p.from)} to ${str(p.to)} (${str(p.reason)}) (LV-1)`,
  'audit.leave.decided': (p) =>
    `${str(p.decision) === 'approve' ? 'approved' : 'rejected'} the leave ${str(p.leaveId)} of ${str(p.personId)} from ${str(p.from)} to ${str(p.to)}${p.comment ? `: ${str(p.comment)}` : ''} (LV-1)`,
  'audit.leave.withdrawn': (p) => `withdrew the leave request ${str(p.leaveId)} (${str(p.from)} to ${str(p.to)})`,
  'audit.leave.absence': (p) =>
    `recorded the absence ${str(p.absenceId)} of ${str(p.personId)} from ${str(p.from)} to ${str(p.to)} (${str(p.reason)}): leave ${str(p.leaveId)} was approved (LV-1, ROT-4)`,
  'audit.swap.proposed': (p) =>
    `${str(p.personId)} proposed to swap ${str(p.date)} (${str(p.post)}) with ${str(p.withPersonId)}'s ${str(p.withDate)} (${str(p.withPost)}) (SW-1)`,
  'audit.swap.accepted': (p) => `${str(p.personId)} accepted the swap ${str(p.swapId)}; it waits for a station leader (SW-1)`,
  'audit.swap.decided': (p) =>
    `${str(p.decision) === 'approve' ? 'approved' : 'rejected'} the swap ${str(p.swapId)} (${str(p.personId)} ${str(p.date)} with ${str(p.withPersonId)} ${str(p.withDate)}) (SW-1)`,
  'audit.swap.withdrawn': (p) => `withdrew the swap ${str(p.swapId)}`,
  'audit.swap.planned': (p) =>
    `the approved swap ${str(p.swapId)} (${str(p.personId)} ${str(p.date)} with ${str(p.withPersonId)} ${str(p.withDate)}) as plan ${str(p.planId)} for ${str(p.start)} to ${str(p.end)} (SW-1)`,
  'audit.swap.published': (p) =>
    `published the swap ${str(p.swapId)} as plan ${str(p.planId)} for ${str(p.start)} to ${str(p.end)}${list(p.takesOver).length ? `; it replaces ${list(p.takesOver).join(', ')} on those dates` : ''} (SW-1)`,
  'audit.absence': (p) =>
    `${str(p.action) === 'absence.recorded' ? 'recorded' : 'removed'} the absence ${str(p.absenceId)} of ${str(p.personId)} from ${str(p.from)} to ${str(p.to)} (${str(p.reason)}) (ROT-4)`,
  'audit.pin': (p) =>
    `${str(p.action) === 'pin.set' ? 'pinned' : 'removed the pin of'} ${str(p.personId)} ${str(p.action) === 'pin.set' ? 'to' : 'on'} ${str(p.post)} (shift ${str(p.shift)}) on ${str(p.date)}${p.replaces ? `, replacing ${str(p.replaces)}` : ''} (PIN-1)`,
  'audit.replan': (p) => {
    const days = list(p.days);
    const changed = num(p.changed);
    return `re-planned the ${days.length} changed day${days.length === 1 ? '' : 's'} ${days.join(', ')} (draft ${str(p.planId)}, every other day of ${str(p.start)} to ${str(p.end)} kept): ${changed} cell${changed === 1 ? '' : 's'} changed`;
  },
  // ---- errors ----
  'error.notFound.station': (p) => `No station ${str(p.stationId)}.`,
  'error.notFound.plan': (p) => `No plan ${str(p.planId)} at station ${str(p.stationId)}.`,
  'error.notFound.redeployment': (p) => `No redeployment request ${str(p.requestId)} at station ${str(p.stationId)}.`,
  'error.notFound.route': (p) => `No route ${str(p.route)}.`,
  'error.badRequest': (p) => `The ${str(p.what)} has ${plural(num(p.count), 'problem')}.`,
  'error.badRequest.station': (p) => `The station document has ${plural(num(p.count), 'problem')}; nothing was changed.`,
  'error.badRequest.json': () => 'The body is not valid JSON.',
  'error.badRequest.cursor': () => 'The paging cursor is not valid.',
  'error.badRequest.file': (p) => `The file could not be read as ${str(p.format)}: ${str(p.reason)}`,
  'error.auth.role': (p) => `Only ${list(p.allowed).join(', ')} may do this (${str(p.action)}); you are ${list(p.groups).join(', ') || 'in no group'}.`,
  'error.auth.station': (p) => `You act only on your own station (${str(p.own) || 'none'}), not on ${str(p.stationId)}.`,
  'error.auth.ownRoster': (p) => `Only ${list(p.allowed).join(', ')} may read the whole roster or another person's; you may read your own: add personId=${str(p.sub)}.`,
  'error.notFound.stationVersion': (p) => `No station ${str(p.stationId)} at version ${num(p.claimed)}: it does not exist yet (send no version to create it).`,
  'error.reinforcedByBranch': () => 'Only the branch declares level-1 reinforced duty; send reinforcedDuty unchanged.',
  'error.tooLarge': (p) => `The body is ${num(p.bytes)} bytes; the limit is ${num(p.limit)} bytes.`,
  'error.unauthenticated': () => 'Sign in first: this request carries no valid token.',
  'error.internal': () => 'Something went wrong on our side; nothing was changed.',
  'error.conflict.version': (p) => `${str(p.what) === 'plan' ? 'Plan' : 'Station'} ${str(p.id)} is at version ${num(p.version)}, not ${num(p.claimed)}: someone changed it; read it again and retry.`,
  'error.notFound.leave': (p) => `No leave request ${str(p.leaveId)} at station ${str(p.stationId)}.`,
  'error.notFound.swap': (p) => `No swap ${str(p.swapId)} at station ${str(p.stationId)}.`,
  'error.notFound.absence': (p) => `No absence ${str(p.absenceId)} at station ${str(p.stationId)}.`,
  'error.notFound.pin': (p) => `No pin ${str(p.pinId)} at station ${str(p.stationId)}.`,
  'error.notFound.feed': (p) => `No such calendar feed${p.revoked ? ' (it may have been replaced or revoked)' : ''}.`,
  'error.notFound.ownFeed': () => 'You have no calendar feed.',
  'error.notFound.member': (p) => `${str(p.personId)} is not one of the people of station ${str(p.stationId)}.`,
  'error.store.busy': () => 'The roster store is busy; retry shortly.',
  'error.store.changedFirst': () => 'Someone else changed this first; read it again and retry.',
  'error.store.contended': (p) => `${p.kind === 'station' ? 'Station' : 'Request'} ${str(p.id)} is being changed by many people at once; read it again and retry.`,
  'error.branch.readRole': (p) => `Only ${list(p.allowed).join(', ')} see a branch's stations; you are ${list(p.groups).join(', ') || 'in no group'}.`,
  'error.branch.other': (p) => `You act only for branch ${str(p.own) || '(none named in your account)'}, not for ${str(p.branchId)}.`,
  'error.branch.move': (p) => `Station's branch is ${str(p.stored)}; only admin moves a station to another branch (asked: ${str(p.asked)}).`,
  'ap.decideRole': (p) => `Only the director and the instructor of the station, and the branch where a request needs it, decide redeployments; you are ${list(p.groups).join(', ') || 'in no group'}.`,
  'ap.otherStation': (p) => `Only the director and the instructor of station ${str(p.stationId)} decide its requests; you are a chief of ${str(p.own) || 'no station'} (AP-4).`,
  'ap.ownRequest': (p) => `${str(p.sub)} is ${p.requester ? 'the requester' : 'the officer concerned'} of ${str(p.requestId)}: nobody decides their own request (AP-4).`,
  'ap.notBranchKind': (p) => `${str(p.requestId)} is a ${str(p.kind)} request: it needs ${list(p.required).join(' and ')}, not the branch (AP-4: the branch decides routine duty and transfers).`,
  'ap.chiefsOnly': (p) => `Only the director and the instructor of station ${str(p.stationId)} decide its requests (AP-4).`,
  'fb4.ended': (p) => `The period ${str(p.from)} to ${str(p.to)} has ended (today is ${str(p.today)} at ${str(p.stationId)}): reinforced duty is declared for days to come (FB-4).`,
  'calendar.problems': (p) => `The calendar of ${str(p.year)} has ${plural(num(p.count), 'problem')}.`,
  'calendar.version': (p) => `The calendar of ${str(p.year)} is at version ${num(p.current)}, not ${num(p.claimed)}: read it again and retry.`,
  'error.auth.noStation': () => 'Your sign-in names no station: notices and calendar feeds belong to a station member.',
  'error.auth.ownLeave': () => 'You see your own leave requests only.',
  'error.conflict.busy': (p) => `${str(p.id)} is being changed by many people at once; read it again and retry.`,
  // ---- day to day: leave (LV-1) ----
  'leave.forOther': (p) => `You ask for leave for yourself (${str(p.sub)}); only a station leader names another person (LV-1).`,
  'leave.past': (p) => `Leave is asked for days to come: ${str(p.from)} is before today (${str(p.today)}); a leader records past absences directly (LV-1).`,
  'leave.notLeader': (p) => `Only the director, instructor or a deputy of station ${str(p.stationId)} decides leave (LV-1).`,
  'leave.own': (p) => `${str(p.sub)} asks for this leave: nobody decides their own leave (LV-1).`,
  'leave.decided': (p) => `${str(p.leaveId)} is ${str(p.status)} already${p.by ? ` (${str(p.decision)} by ${str(p.by)})` : ''}; it is decided once.`,
  'leave.withdrawNotAsker': (p) => `Only the person who asked (${str(p.requestedBy)}) withdraws ${str(p.leaveId)}.`,
  'leave.withdrawClosed': (p) => `${str(p.leaveId)} is ${str(p.status)} already; only a pending request is withdrawn.`,
  // ---- day to day: swaps (SW-1) ----
  'swap.breaks': (p) => `The swap would break ${str(p.rule)}: ${violationText(p)} (SW-1).`,
  'swap.twoPeople': () => 'A swap is between two people (SW-1).',
  'swap.past': (p) => `Swaps are for days to come: ${str(p.date)} is before today (${str(p.today)}) (SW-1).`,
  'swap.notPublished': (p) => `Only published duties are swapped: ${str(p.side) === 'mine' ? `your ${str(p.date)}` : `${str(p.personId)}'s ${str(p.date)}`} is not published yet (SW-1).`,
  'swap.stale': (p) =>
    `The published roster changed since ${str(p.swapId)} was proposed (${str(p.personId)} on ${str(p.date)} is now ${p.post ? `${str(p.post)} ${str(p.shift)}` : 'not published'}): propose it again.`,
  'swap.acceptNotYours': (p) => `Only ${str(p.personId)}, the colleague asked, accepts ${str(p.swapId)} (SW-1).`,
  'swap.acceptClosed': (p) => `${str(p.swapId)} is ${str(p.status)}; only a proposed swap is accepted.`,
  'swap.notLeader': (p) => `Only the director, instructor or a deputy of station ${str(p.stationId)} decides swaps (SW-1).`,
  'swap.own': (p) => `You are one of the two people of ${str(p.swapId)}: nobody decides their own swap (SW-1).`,
  'swap.waitsAccept': (p) => `${str(p.swapId)} waits for ${str(p.personId)} to accept it first (SW-1).`,
  'swap.decided': (p) => `${str(p.swapId)} is ${str(p.status)} already; it is decided once.`,
  'swap.withdrawNotProposer': (p) => `Only ${str(p.personId)}, who proposed ${str(p.swapId)}, withdraws it.`,
  'swap.withdrawClosed': (p) => `${str(p.swapId)} is ${str(p.status)} already.`,
  // ---- day to day: pins (PIN-1) ----
  'pin.past': (p) => `${str(p.date)} is before today (${str(p.today)} at the station): only days to come are pinned (PIN-1)`,
  'pin.stranger': (p) => `${str(p.personId)} is not one of the station's people`,
  'pin.notOffered': (p) =>
    `${str(p.post)} in shift ${str(p.shift)} is not a post ${str(p.personId)} can hold on ${str(p.date)}: the station asks for no such post in that shift that day, or it is not their shift (PIN-1)`,
  'PIN-1': (p) => {
    const has = objects(p.has).map((a) => `${str(a.post)} (${str(a.shift)})`).join(', ') || 'nothing';
    return `${str(p.personId)} was pinned to ${str(p.post)} (shift ${str(p.shift)}) on ${str(p.date)} by ${str(p.by)} (${str(p.pinId)}), but the plan has ${has}: a hard rule no longer allows the pin; remove or change it (PIN-1)`;
  },
  // ---- notices (the bell) ----
  'notice.roster-changed': (p) => `Your roster changed: ${str(p.days)} day(s) between ${span(p)} (publication ${str(p.planId)}).`,
  'notice.request-decided': (p) => `Your ${REQUEST_KIND[str(p.request)] ?? 'request'} (${span(p)}) was ${str(p.decision) === 'approve' ? 'approved' : 'rejected'} by ${str(p.by)}.`,
  'notice.approval-waiting': (p) => `A ${REQUEST_KIND[str(p.request)] ?? 'request'} of ${str(p.personId)} (${span(p)}) waits for your decision.`,
  'notice.swap-proposed': (p) => `${str(p.personId)} proposes a swap: their duty on ${str(p.from)} for yours on ${str(p.to)}. Please accept or ignore.`,
  // ---- staff import ----
  // ---- planning jobs (docs/planning-jobs.md) ----
  'error.plan.notSolving': (p) => `Plan ${str(p.planId)} is not being made any more (it is ${str(p.status)}): there is nothing to cancel.`,
  'error.plan.cancelling': (p) => `Plan ${str(p.planId)} is already stopping (asked at ${str(p.at)} by ${str(p.by)}); its best plan will be a draft within seconds.`,
  'error.plan.stillSolving': (p) => `Plan ${str(p.planId)} is still being made: wait until it is a draft (or cancel it and keep its best plan), then publish.`,
  'error.plan.jobNotStarted': (p) => `The planning job for plan ${str(p.planId)} could not be started; nothing is being planned. Try again shortly.`,
  'job.failure.stale': (p) => `The planning job gave no sign of life for more than ${num(p.seconds)} seconds (last at ${str(p.at)}); it is taken as failed. Make the plan again.`,
  'job.failure.failed': () => 'The planning job broke off on our side; nothing was kept. Make the plan again.',
  'job.failure.notStarted': () => 'The planning job could not be started. Make the plan again.',
  'staff.noHeader': () => 'No header row: the file needs columns such as 姓名/name, 警号/id, 职务/rank and 入警日期/joined.',
  'staff.unknownColumn': (p) => `Row ${num(p.row)}: column "${str(p.header)}" is not a staff column and is ignored.`,
  'staff.missingColumn': (p) => `The file has no column ${str(p.column)} (${staffHeader(str(p.column))}).`,
  'staff.required': (p) => `Row ${num(p.row)}, ${str(p.header)}: required, but empty.`,
  'staff.badRank': (p) => `Row ${num(p.row)}, ${str(p.header)}: "${str(p.cell)}" is not a rank (director, instructor, deputy, officer, auxiliary or 所长, 教导员, 副所长, 民警, 辅警).`,
  'staff.badKind': (p) => `Row ${num(p.row)}, ${str(p.header)}: "${str(p.cell)}" is neither officer (民警) nor auxiliary (辅警).`,
  'staff.badDate': (p) => `Row ${num(p.row)}, ${str(p.header)}: "${str(p.cell)}" is not a date (YYYY-MM-DD).`,
  'staff.badRole': (p) => `Row ${num(p.row)}, ${str(p.header)}: "${str(p.cell)}" is neither A nor B.`,
  'staff.badYesNo': (p) => `Row ${num(p.row)}, ${str(p.header)}: "${str(p.cell)}" is neither yes (是) nor no (否).`,
  'staff.duplicateId': (p) => `Row ${num(p.row)}, ${str(p.header)}: "${str(p.cell)}" is already used in row ${num(p.otherRow)}.`,
  'staff.invalid': (p) => `Row ${num(p.row)}${p.header ? `, ${str(p.header)}` : ''}${p.cell ? ` "${str(p.cell)}"` : ''}: ${str(p.detail)}.`,
  'staff.stationIssue': (p) => `The station would not be valid with this list: ${str(p.path)}: ${str(p.detail)}.`,
  // ---- files: sheet headings ----
  'file.rosterTitle': (p) => `${str(p.station)}: roster ${str(p.from)} to ${str(p.to)}`,
  'file.person': () => 'Person',
  'file.staffSheet': () => 'Staff',
  'file.rosterSheet': () => 'Roster',
  'file.legendSheet': () => 'Legend',
  'file.code': () => 'Code',
  'file.post': () => 'Post',
  // ---- files ----
  'file.calendarName': (p) => `${str(p.station)}: ${str(p.person)}`,
  'file.eventTitle': (p) => `${str(p.post)} (${str(p.shift)})`,
  'file.eventDescription': (p) => `${str(p.post)}, shift ${str(p.shift)}, ${num(p.hours)} h`,
  'file.eventCommunity': (p) => `community: ${str(p.community)}`,
  'file.eventRedeployment': (p) => `redeployment ${str(p.redeploymentId)}`,
  'file.eventReinforced': () => 'level-1 reinforced duty',
  'file.eventCallIn': () => 'call-in (off the pattern)',
} satisfies Record<string, Template>;

/** The sentence of a rule break carried inside another message (`ruleKey`, `ruleParams`; `ruleMessage` when unkeyed). */
function violationText(p: Params): string {
  const template = (en as Record<string, Template>)[str(p.ruleKey)];
  return template ? template((p.ruleParams ?? {}) as Params, 'en') : str(p.ruleMessage);
}
