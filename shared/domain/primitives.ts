// Building blocks shared by every public document: dates, times, ids, time zones.
import { z } from 'zod';
import { isValid, parseISO, format } from 'date-fns';

/** `YYYY-MM-DD`, and a real calendar day (2026-02-30 is refused). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = parseISO(s);
    return isValid(d) && format(d, 'yyyy-MM-dd') === s;
  }, 'not a real calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/** `HH:MM`, 00:00 to 23:59. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (00:00–23:59)');

function isIanaTimeZone(name: string): boolean {
  // Offsets such as "+08:00" are not IANA names; the roster must follow a zone's DST rules.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
export const TimeZone = z.string().refine(isIanaTimeZone, 'expected an IANA time zone such as Asia/Shanghai');

/** Ids of people, groups, communities: short, printable, no separators our keys use. */
export const LocalId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, "_", "." and "-" only');

/** Station ids appear in URLs and keys. */
export const StationId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and "-", at most 64 characters');

/** Branch ids (`dongcheng`): the same alphabet as station ids, since they become part of keys too. */
export const BranchId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and "-", at most 64 characters');

/** What a station without `branchId` (stored before branches existed) belongs to. */
export const DEFAULT_BRANCH = 'default';

export const Share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
