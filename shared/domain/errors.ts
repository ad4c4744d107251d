// Errors the core raises; the HTTP layer maps each to the public error shape and status, rendering the message in the
// reader's language when the error carries a catalogue key (shared/i18n) and its params.
import { z } from 'zod';
import type { Params, Said } from '../i18n/index.ts';

/**
 * One bad field: its path and an English sentence. A detail may carry a catalogue key and params (a rule's break, say),
 * and is then rendered in the reader's language; else the common English sentences are translated by pattern
 * (shared/i18n/details.ts).
 */
export type ErrorDetail = { path: string; message: string; key?: string | undefined; params?: Params | undefined };

/** A detail whose sentence is a catalogue message. */
export const saidDetail = (path: string, said: { message: string; key?: string | undefined; params?: Params | undefined }): ErrorDetail => ({
  path,
  message: said.message,
  ...(said.key !== undefined ? { key: said.key, params: said.params ?? {} } : {}),
});

/** The body of every error answer: a code (the rule ID where a rule refused), a sentence, its figures, and every bad field. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The figures and ids of the sentence, so that a client may write its own text. */
    params: z.record(z.string(), z.unknown()).optional(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
    /** The request's id (also the `x-request-id` header), to quote when reporting a problem. */
    requestId: z.string().optional(),
  }),
});

/** What an error says: a plain (English) sentence, or a catalogue message. */
export type ErrorText = string | Said;

export class DomainError extends Error {
  readonly key: string | undefined;
  readonly params: Params;
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503,
    readonly code: string,
    text: ErrorText,
    readonly details: ErrorDetail[] = [],
  ) {
    super(typeof text === 'string' ? text : text.message);
    this.name = 'DomainError';
    this.key = typeof text === 'string' ? undefined : text.key;
    this.params = typeof text === 'string' ? {} : text.params;
  }
}

export const badRequest = (message: ErrorText, details: ErrorDetail[]) => new DomainError(400, 'BAD_REQUEST', message, details);
export const forbidden = (code: string, message: ErrorText) => new DomainError(403, code, message);
export const notFound = (message: ErrorText) => new DomainError(404, 'NOT_FOUND', message);
/** A concurrent change won: the caller should read again and retry. */
export const conflict = (message: ErrorText) => new DomainError(409, 'CONFLICT', message);
export const ruleBreak = (rule: string, message: ErrorText, details: ErrorDetail[] = []) => new DomainError(422, rule, message, details);

/** Formats zod-style issue paths as `people[3].group`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '') || '(body)';
}
