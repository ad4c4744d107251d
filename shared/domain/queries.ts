// Query strings that every list and date-bounded read takes (strings in, as query strings carry only strings).
import { z } from 'zod';
import { IsoDate } from './primitives.ts';

export const PageQuery = z.object({
  cursor: z.string().max(2048).optional(),
  next: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const range = { from: IsoDate.optional(), to: IsoDate.optional() };
const ordered = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const unordered = { message: '"to" is before "from"', path: ['to'] };

export const DateRangeQuery = z.object(range).refine(ordered, unordered);

/** `GET /stations/{id}/audit?from=&to=&cursor=&limit=` */
export const AuditQuery = PageQuery.extend(range).refine(ordered, unordered);
