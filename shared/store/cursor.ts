// Opaque paging cursors: the LastEvaluatedKey, base64url-encoded, checked on the way back in so that a cursor
// cannot steer a query into another station's partition.
import { badRequest } from '../domain/errors.ts';
import { say } from '../i18n/index.ts';

type Key = Record<string, string>;

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined | null, expect: (key: Key) => boolean): Key | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (key !== null && typeof key === 'object' && !Array.isArray(key) && Object.values(key).every((v) => typeof v === 'string') && expect(key as Key))
      return key as Key;
  } catch {
    // fall through to the error below
  }
  throw badRequest(say('error.badRequest.cursor'), [{ path: 'next', message: 'not a cursor this list gave out' }]);
}

export type Page<T> = { items: T[]; next: string | null };
