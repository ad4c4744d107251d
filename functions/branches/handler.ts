// GET /branches/{branchId}/stations (API.md, Branches): the branch's stations with their figures, read from the
// summaries the store keeps per station (one Query on the branch's partition; no scan). Translates only.
import { z } from 'zod';
import { authorizeBranch } from '../../shared/auth/permissions.ts';
import { BranchId } from '../../shared/domain/primitives.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { PageQuery, cursorOf } from '../../shared/http/params.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';

export async function listBranchStations(request: ApiRequest) {
  const { branchId } = parseOr400(z.object({ branchId: BranchId }), request.path, 'path');
  authorizeBranch(request.actor, branchId);
  const page = parseOr400(PageQuery, { cursor: request.query.cursor, next: request.query.next, limit: request.query.limit }, 'query');
  const list = await storeFromEnvironment().branches.list(branchId, { cursor: cursorOf(page), limit: page.limit ?? 100 });
  return { body: list, headers: { 'cache-control': 'private, no-store' } };
}

export const handler = httpHandler({ 'GET /branches/{branchId}/stations': listBranchStations });
