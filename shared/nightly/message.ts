// What the dispatcher sends for each station and the worker receives: the station and the scheduled instant. The
// night (a date in the station's time zone) is derived from the instant by the worker, which knows the time zone, so
// a redelivery hours later still means the same night.
import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import { z } from 'zod';
import { IsoDate } from '../domain/primitives.ts';

export const NightlyMessage = z.strictObject({
  stationId: z.string().min(1).max(64),
  /** The instant the schedule fired (EventBridge Scheduler's `<aws.scheduler.scheduled-time>`), ISO 8601. */
  scheduledTime: z.iso.datetime({ offset: true }),
  /** Plan this night instead of the one the instant falls on (reruns). */
  night: IsoDate.optional(),
});
export type NightlyMessage = z.infer<typeof NightlyMessage>;

/** The date `instant` falls on in `timezone`. */
export function nightOf(instant: string | Date, timezone: string): string {
  return formatISO(new TZDate(new Date(instant).getTime(), timezone), { representation: 'date' });
}
