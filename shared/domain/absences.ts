// The answer of `POST /stations/{id}/absences`: apart from day-to-day.ts because it extends the station document's
// Absence (station.ts imports day-to-day.ts for pins, so day-to-day.ts cannot import station.ts back).
import type { z } from 'zod';
import { AbsenceId, AbsenceReason, ReplanMarks } from './day-to-day.ts';
import { Absence } from './station.ts';

/** The absence as recorded (always with its id), and the published plans whose days it marked for a re-plan. */
export const RecordedAbsence = Absence.extend({ id: AbsenceId, reason: AbsenceReason, replan: ReplanMarks });
export type RecordedAbsence = z.infer<typeof RecordedAbsence>;
