// The rule catalogue: one entry per rule that bears on a plan, with the sentence a station leader reads. The solver's
// weights, the violations in a plan, API error codes and the web page all come from these entries.
//
// Readings of the sources where DOMAIN.md leaves room (written down here, as the brief asks):
// - ROT-1: dedicated community officers in a duty group keep their group's working and rest days but spend every
//   working day on community work (the community weekday shift `W`, 8 h), so a P-S-R cycle gives them ~37 h a week
//   in the community (CP-2's 36 h). The A of a grid keeps no duty group (AB-1: "takes no station duty shifts").
// - REST-1 (ROT-4's rest rule) binds work off the pattern: a call-in, a redeployment, a flexible night. The pattern's
//   own sequence (a 24 h primary followed by a secondary) is the station's choice and is not second-guessed.
// - FB-4: during a declared level-1 reinforced-duty period, demand for `reinforced-duty` exists and dedicated
//   community officers may fill it; outside a period that demand does not apply. Other FB-3 posts still need AP.
// - CP-1 counts hours: community hours over all working hours in an ISO week (Andingmen's 80 % is a station setting).
// - CP-3: one flexible night (`F`, evening community work) per ISO week in which the officer works; it must leave
//   REST-1's rest before the next shift, so it falls before a day off.
// - CAL-1 / CAL-2: meetings are held after community hours (16:30–17:30) so that they never overlap a shift;
//   on a meeting day the planner does not pull the community officers who are on duty.
// - AB-2: a grid is covered on an official workday when its A or one of its Bs does community work that day.
// - CAL-3 (China's official calendar: public holidays and make-up working days, 调休): the duty groups' rotation runs
//   through holidays unchanged (police work through them), so ROT-1's community officers in a duty group keep their
//   group's days. The community weekday schedule `W` of people without a duty group (the A of a grid, office staff)
//   keeps official workdays only: no `W` on a public holiday, `W` on a make-up Saturday or Sunday. AB-2 judges official
//   workdays; a CAL-1 or CAL-2 meeting due on a holiday is held on the next workday; a demand row with `days` applies
//   on workdays, rest days (weekends and holidays) or public holidays only.
// - CP-1 / CP-2 in holiday weeks: CP-2's weekly target is pro-rated exactly as for absence, by the days of the ISO
//   week that are public holidays (or absence; a day that is both counts once): target = hours × (7 − such days) / 7.
//   So the Spring Festival week of 2026 (16–22 February, all seven named holidays) asks for 0 h, and a week with the
//   three-day Mid-Autumn holiday asks for 36 × 4 / 7 ≈ 20.6 h. CP-1 is a share of the hours worked, which a holiday
//   lowers on both sides alike, so it needs no pro-rating; a week without working hours is not judged.
// - CAL-3 is reported, never guessed: a plan with dates in a year for which neither the built-in data nor the admin
//   has the State Council's notice says so (the years, the dates); those days are planned as the plain week (Monday
//   to Friday working, no holidays) until the notice is loaded with `PUT /calendar/{year}`.
export type Severity = 'hard' | 'soft' | 'station';

export type RuleEntry = {
  id: string;
  severity: Severity;
  /** Short name. */
  title: string;
  /** What the rule says, as a station leader reads it. */
  sentence: string;
  /** Source article, by its id in shared/rules/sources.ts (or "generic" for standard fatigue and fairness rules). */
  source: string;
  /** Penalty per unit of breach for soft rules; hard rules are never traded. */
  weight: number;
};

const entries = [
  { id: 'ROT-1', severity: 'soft', title: 'Three groups, two running', sentence: 'Three duty groups cycle daily through primary, secondary and rest (三班两运转).', source: '004', weight: 0 },
  { id: 'ROT-2', severity: 'soft', title: 'Four teams, three shifts', sentence: 'Four teams rotate so that three are on post and one rests (四班三运转).', source: '004', weight: 0 },
  { id: 'ROT-3', severity: 'soft', title: 'Pattern is data', sentence: 'Each person follows their duty group\'s cycle of shift codes; work off the pattern is a call-in.', source: '004', weight: 0 },
  { id: 'ROT-4', severity: 'hard', title: 'Absent people are not rostered', sentence: 'An officer on leave, training or sick leave is not rostered on those days.', source: '004', weight: 0 },
  { id: 'REST-1', severity: 'hard', title: 'Minimum rest', sentence: 'Work off the pattern leaves at least the station\'s minimum rest hours before and after it.', source: 'generic', weight: 0 },
  { id: 'NIGHT-1', severity: 'soft', title: 'Consecutive nights', sentence: 'Nobody works more consecutive night shifts than the station allows.', source: 'generic', weight: 50 },
  { id: 'SLOT-1', severity: 'hard', title: 'One post at a time', sentence: 'A person holds one post in any time slot; assignments never overlap.', source: 'generic', weight: 0 },
  { id: 'SKILL-1', severity: 'hard', title: 'Required skills', sentence: 'A post that needs a skill (driver, case handling, dispatcher) is held only by people who have it.', source: 'generic', weight: 0 },
  { id: 'PLAN-1', severity: 'hard', title: 'Everyone every day', sentence: 'Every person has an assignment on every day of the plan (rest or absent where they do not work).', source: 'contract', weight: 0 },
  { id: 'FB-1', severity: 'hard', title: 'No patrol cars', sentence: 'A dedicated community officer is never rostered on patrol car 01 or 02 (不准从事01、02巡逻车的值守工作).', source: '004', weight: 0 },
  { id: 'FB-2', severity: 'hard', title: 'No case handling', sentence: 'A dedicated community officer handles no case at administrative-detention level or above and carries no case quota.', source: '004, 001', weight: 0 },
  { id: 'FB-3', severity: 'hard', title: 'No other non-community work without approval', sentence: 'A dedicated community officer is put on station duty, routine duty, the command room, security checks, large events or special operations only under an approved redeployment for that officer, post and day.', source: '001, 004', weight: 0 },
  { id: 'FB-4', severity: 'hard', title: 'Level-1 reinforced duty', sentence: 'Community officers may hold reinforced-duty posts only inside a level-1 reinforced-duty period declared by the branch; every such day is recorded.', source: '004', weight: 0 },
  { id: 'CP-1', severity: 'soft', title: 'Community share', sentence: 'A dedicated community officer spends at least the station\'s share (default 90 %) of working time in the community.', source: '004', weight: 4 },
  { id: 'CP-2', severity: 'soft', title: 'Weekly community hours', sentence: 'A dedicated community officer spends at least 36 hours a week in the community.', source: '004', weight: 6 },
  { id: 'CP-3', severity: 'soft', title: 'Flexible night', sentence: 'Each dedicated community officer works one flexible night in the community every week.', source: '004', weight: 20 },
  { id: 'CP-4', severity: 'station', title: 'Community officers\' share', sentence: 'Community officers are at least 40 % of the station\'s officers.', source: '001', weight: 0 },
  { id: 'CP-5', severity: 'station', title: 'One community, one officer, two auxiliaries', sentence: 'Each community has a dedicated officer and two auxiliaries; the community office is always staffed.', source: '002, 001', weight: 0 },
  { id: 'AB-1', severity: 'station', title: 'Community police groups', sentence: 'Each community police group has 2 to 5 community officers: one A and one or more Bs.', source: '004', weight: 0 },
  { id: 'AB-2', severity: 'soft', title: 'No gap', sentence: 'On every working day each grid has its A or one of its Bs at community work (避免断点).', source: '004', weight: 200 },
  { id: 'CAL-1', severity: 'soft', title: 'Station meetings', sentence: 'Monthly summary (Tuesday of the first week), progress (Tuesday of the third week) and quarterly meetings are kept free for the community officers on duty.', source: '004', weight: 15 },
  { id: 'CAL-2', severity: 'soft', title: 'Community party committee meeting', sentence: 'Community officers attend the community party committee meeting every week.', source: '002', weight: 15 },
  { id: 'CAL-3', severity: 'soft', title: 'Official calendar', sentence: 'The roster follows China\'s official calendar: public holidays and make-up working days (调休) as the State Council publishes them; a year without published data is reported, never guessed.', source: 'contract', weight: 0 },
  { id: 'COVER', severity: 'soft', title: 'Demand covered', sentence: 'Every post is staffed as the station\'s demand asks; what cannot be covered is reported as a shortfall with its reason.', source: 'generic', weight: 1000 },
  { id: 'CALLIN-1', severity: 'soft', title: 'Few call-ins', sentence: 'People are called in on their days off only when a post cannot be covered otherwise.', source: 'generic', weight: 30 },
  { id: 'FAIR-1', severity: 'soft', title: 'Fair spread', sentence: 'Call-ins, nights, weekends and primary shifts are spread fairly among the people who share them.', source: 'generic', weight: 5 },
  { id: 'STAB-1', severity: 'soft', title: 'Stability', sentence: 'A new plan changes as few published assignments as possible.', source: 'generic', weight: 40 },
  { id: 'REDEPLOY-1', severity: 'soft', title: 'Approved redeployments used sparingly', sentence: 'An approved redeployment is used only where the post cannot be covered by others.', source: '004', weight: 60 },
  { id: 'SEQ-1', severity: 'hard', title: 'Max consecutive working days', sentence: 'Nobody works more days in a row than their contract allows.', source: 'generic', weight: 0 },
  { id: 'SEQ-2', severity: 'hard', title: 'Min consecutive working days', sentence: 'A stretch of work is at least the contract\'s minimum number of days, unless it runs into the first or the last day of the plan.', source: 'generic', weight: 0 },
  { id: 'SEQ-3', severity: 'hard', title: 'Min consecutive days off', sentence: 'A break between two stretches of work is at least the contract\'s minimum number of days off, unless it runs into the first or the last day of the plan.', source: 'generic', weight: 0 },
  { id: 'WKD-1', severity: 'hard', title: 'Max worked weekends', sentence: 'Nobody works more weekends than their contract allows; a weekend counts as worked when its Saturday or its Sunday has a shift.', source: 'generic', weight: 0 },
  { id: 'TYPE-1', severity: 'hard', title: 'Max shifts of a type', sentence: 'Nobody works more shifts of a type (early, late, night …) than their contract allows; a limit of 0 means never that shift.', source: 'generic', weight: 0 },
  { id: 'TIME-1', severity: 'hard', title: 'Working time', sentence: 'Everybody\'s working minutes over the plan stay between their contract\'s minimum and maximum.', source: 'generic', weight: 0 },
  { id: 'SUCC-1', severity: 'hard', title: 'Forbidden successions', sentence: 'A shift is never followed the next day by a shift that may not follow it (for example a late then an early), so that everybody keeps their rest.', source: 'generic', weight: 0 },
  { id: 'PIN-1', severity: 'hard', title: 'Pins kept', sentence: 'A post a station leader fixed by hand on a future day is kept by every later plan; a fix that breaks a hard rule is refused with that rule.', source: 'contract', weight: 0 },
  { id: 'LV-1', severity: 'hard', title: 'Leave decided by a leader', sentence: 'An officer or auxiliary asks for leave; a station leader, never the person themself, approves or rejects it; approved leave is an absence.', source: 'contract', weight: 0 },
  { id: 'SW-1', severity: 'hard', title: 'Swaps', sentence: 'Two people may exchange duties when the colleague accepts, a station leader approves, and the exchange breaks no hard rule for either of them.', source: 'contract', weight: 0 },
  { id: 'REQ-1', severity: 'soft', title: 'Shift requests', sentence: 'A person\'s wish to work a shift on a day, or not to work it, is granted where the cover allows; each wish not granted costs its weight.', source: 'Curtois', weight: 1 },
] as const satisfies readonly RuleEntry[];

export type RuleId = (typeof entries)[number]['id'];

export const RULES: Readonly<Record<RuleId, RuleEntry>> = Object.fromEntries(entries.map((e) => [e.id, e])) as Record<RuleId, RuleEntry>;
export const RULE_LIST: readonly RuleEntry[] = entries;

export function rule(id: RuleId): RuleEntry {
  return RULES[id];
}
