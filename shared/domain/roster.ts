// The published roster (API.md, `GET /stations/{stationId}/roster`): the query it takes and the document it answers.
import { z } from 'zod';
import { Assignment, MAX_PLAN_DAYS } from './plan.ts';
import { IsoDate, LocalId } from './primitives.ts';

/** The longest range one roster read covers, in days (inclusive). */
export const MAX_ROSTER_DAYS = MAX_PLAN_DAYS;

/** `xlsx`: the roster in the shape of the screen (people × days, post codes), in the reader's language. */
export const ROSTER_FORMATS = ['json', 'csv', 'ics', 'xlsx'] as const;
/** `?lang=zh|en` (beside Accept-Language) for file downloads. */
export const FileLang = z.enum(['zh', 'en']).optional();

const daysInclusive = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** `?from=&to=&personId=&format=`; query strings carry strings only. */
export const RosterQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    personId: LocalId.optional(),
    format: z.enum(ROSTER_FORMATS, `format must be one of ${ROSTER_FORMATS.join(', ')}`).default('json'),
  })
  .superRefine((q, ctx) => {
    // zod goes on after field issues: compare dates only when both are real ones.
    const dates = IsoDate.safeParse(q.from).success && IsoDate.safeParse(q.to).success;
    if (dates && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" is before "from"' });
    else if (dates && daysInclusive(q.from, q.to) > MAX_ROSTER_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a roster read covers at most ${MAX_ROSTER_DAYS} days; this one covers ${daysInclusive(q.from, q.to)}` });
    if (q.format === 'ics' && q.personId === undefined)
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'a calendar file is one person\'s: add personId=' });
  });
export type RosterQuery = z.infer<typeof RosterQuery>;

export const Roster = z.object({
  stationId: z.string(),
  from: IsoDate,
  to: IsoDate,
  assignments: z.array(Assignment),
});
export type Roster = z.infer<typeof Roster>;
