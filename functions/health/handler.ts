// GET /health: answers once the function can reach its code (no token needed).
import { httpHandler } from '../../shared/http/api.ts';

export const handler = httpHandler({ 'GET /health': async () => ({ body: { ok: true } }) }, { public: ['GET /health'] });
