// Errors the core raises; the HTTP layer maps each to the public error shape and status.
import { z } from 'zod';

export type ErrorDetail = { path: string; message: string };

/** The body of every error answer: a code (the rule ID where a rule refused), a sentence, and every bad field. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badRequest = (message: string, details: ErrorDetail[]) => new DomainError(400, 'BAD_REQUEST', message, details);
export const forbidden = (code: string, message: string) => new DomainError(403, code, message);
export const notFound = (message: string) => new DomainError(404, 'NOT_FOUND', message);
/** A concurrent change won: the caller should read again and retry. */
export const conflict = (message: string) => new DomainError(409, 'CONFLICT', message);
export const ruleBreak = (rule: string, message: string, details: ErrorDetail[] = []) => new DomainError(422, rule, message, details);

/** Formats zod-style issue paths as `people[3].group`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '') || '(body)';
}
