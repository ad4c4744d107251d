// The day-to-day loop's shared state (docs/day-to-day.md): the recorded absences and pins of the dates on show, the
// cell a leader acts on, a pin the API refused (shown at its cell), and two counters the screens watch: `marksChanged`
// (an absence or pin was written: read them again) and `rosterChanged` (a publication changed the roster on show).
import { signal } from '@preact/signals';
import type { Pin } from '../../shared/domain/day-to-day.ts';
import { ApiError, json } from './api.ts';
import type { AbsenceRecord } from './model.ts';

export type Cell = { personId: string; date: string };
export type Refusal = Cell & { rule: string; message: string };

export const pins = signal<Pin[]>([]);
export const absences = signal<AbsenceRecord[]>([]);
/** The cell whose actions are open (leaders only). */
export const target = signal<Cell | null>(null);
/** The last pin the API refused, with its rule and sentence. */
export const refusal = signal<Refusal | null>(null);
export const marksChanged = signal(0);
/** The cells the re-plan on show changes (`personId|date`), highlighted in the grid until it is published or dropped. */
export const replanChanged = signal<Set<string>>(new Set());
export const rosterChanged = signal(0);
/** A new `roster-changed` notice arrived: the published roster on show (one's own days) is read again. */
export const ownDaysChanged = signal(0);

export const cellKey = (c: Cell): string => `${c.personId}|${c.date}`;

/** Reads the pins and absences of `from`..`to`; a reader who may not see them gets none. */
export async function loadMarks(stationId: string, from: string, to: string): Promise<void> {
  const q = new URLSearchParams({ from, to });
  const enc = encodeURIComponent(stationId);
  const read = <T>(path: string) => json<{ items: T[] }>('GET', `/stations/${enc}/${path}?${q}`).then((r) => r.items).catch((e: unknown) => {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return [];
    throw e;
  });
  const [p, a] = await Promise.all([read<Pin>('pins'), read<AbsenceRecord>('absences')]);
  pins.value = p;
  absences.value = a;
}
