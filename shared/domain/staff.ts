// The staff import and export documents (docs/staff-import.md): the single source of their public types.
import { z } from 'zod';
import { MessageParams } from '../i18n/index.ts';
import { ConfigChange } from './station-changes.ts';
import { Person, StationConfig } from './station.ts';

/** `GET /stations/{id}/staff?format=&lang=` */
export const StaffExportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), lang: z.enum(['zh', 'en']).optional() });

/** `POST /stations/{id}/staff/import`: the file's bytes in base64 (JSON keeps every route on one body parser). */
export const StaffImportBody = z.strictObject({
  format: z.enum(['xlsx', 'csv']),
  content: z.base64('content must be the file in base64').max(1_300_000),
  /** The file's name, for the answer only. */
  filename: z.string().max(255).optional(),
});

export const StaffProblem = z.object({
  row: z.int().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  cell: z.string().nullable(),
  key: z.string(),
  params: MessageParams,
  message: z.string(),
});

/** The preview: nothing is saved; `station` (when `ok`) is what to PUT with `If-Match: "<version>"`. */
export const StaffImportPreview = z.object({
  filename: z.string().optional(),
  rows: z.int(),
  ok: z.boolean(),
  problems: z.array(StaffProblem),
  changes: z.array(ConfigChange),
  people: z.array(Person),
  station: StationConfig.nullable(),
  version: z.int(),
});
