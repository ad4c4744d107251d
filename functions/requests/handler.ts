// Filled in by the next commit (see docs/day-to-day.md).
import { httpHandler } from '../../shared/http/api.ts';

export const handler = httpHandler({});
