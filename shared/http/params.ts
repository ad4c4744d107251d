// Path and query parameters every route checks the same way.
import { z } from 'zod';
import { StationId } from '../domain/primitives.ts';
import { parseOr400 } from './api.ts';

export const stationIdOf = (path: Record<string, string>): string => parseOr400(z.object({ stationId: StationId }), path, 'path').stationId;

/** Plan ids are `pl_` and letters or digits (they become part of a key: no separators). */
export const PlanId = z.string().regex(/^pl_[A-Za-z0-9]{1,64}$/, 'not a plan id (pl_ followed by letters and digits)');
export const planIdOf = (path: Record<string, string>): string => parseOr400(z.object({ planId: PlanId }), path, 'path').planId;

export { DateRangeQuery, PageQuery } from '../domain/queries.ts';

/** The cursor a client sends back: `cursor=` or, as lists name it, `next=`. */
export const cursorOf = (query: { cursor?: string | undefined; next?: string | undefined }) => query.cursor ?? query.next ?? null;
