// The signed-in person's own things (API.md, "Notices and calendar feeds"): GET /me/notices, POST /me/notices/read,
// POST /me/calendar-feed (a new secret; the previous one stops working), DELETE /me/calendar-feed. The person is the
// token's `sub` at the token's station; only a hash of a feed secret is stored (shared/store/notices.ts).
import { randomBytes } from 'node:crypto';
import { CalendarFeedBody, NoticesQuery, NoticesReadBody, type CalendarFeed, type NoticesPage, type NoticesRead } from '../../shared/domain/day-to-day.ts';
import { DomainError, notFound } from '../../shared/domain/errors.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { say } from '../../shared/i18n/index.ts';
import { renderNotice } from '../../shared/notices/messages.ts';
import { hashOf, storeFromEnvironment } from '../../shared/store/index.ts';

function me(request: ApiRequest): { stationId: string; personId: string } {
  if (!request.actor.stationId) throw new DomainError(403, 'AUTH-STATION', say('error.auth.noStation'));
  return { stationId: request.actor.stationId, personId: request.actor.sub };
}

export async function listNotices(request: ApiRequest) {
  const { stationId, personId } = me(request);
  const query = parseOr400(NoticesQuery, { cursor: request.query.cursor, next: request.query.next }, 'query');
  const lang = request.lang;
  const { page, upTo, unread } = await storeFromEnvironment().notices.list(stationId, personId, { cursor: query.cursor ?? query.next ?? null });
  return { body: { items: page.items.map((n) => renderNotice(n, lang, upTo)), next: page.next, unread } satisfies NoticesPage, headers: { 'cache-control': 'private, no-store', 'content-language': lang } };
}

export async function readNotices(request: ApiRequest) {
  const { stationId, personId } = me(request);
  const body = parseOr400(NoticesReadBody, request.body, 'read mark');
  const upTo = await storeFromEnvironment().notices.markRead(stationId, personId, body.upTo);
  return { body: { upTo } satisfies NoticesRead };
}

/** The public address of the API as the caller reached it (API Gateway or the local server). */
function baseUrl(request: ApiRequest): string {
  const proto = request.headers['x-forwarded-proto'] ?? (request.headers.host?.startsWith('localhost') || request.headers.host?.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${request.headers.host ?? 'localhost'}`;
}

/** A new feed secret; the URL asks for the reader's language when it is Chinese (a calendar app sends none). */
export async function newFeed(request: ApiRequest) {
  const { stationId, personId } = me(request);
  if (request.body !== undefined) parseOr400(CalendarFeedBody, request.body, 'calendar feed request');
  const store = storeFromEnvironment();
  if (!(await store.stations.get(stationId))?.people.some((p) => p.id === personId)) throw notFound(say('error.notFound.member', { personId, stationId }));
  const secret = randomBytes(24).toString('base64url');
  await store.notices.setFeed(stationId, personId, hashOf(secret), new Date().toISOString());
  return { status: 201, body: { url: `${baseUrl(request)}/feeds/${secret}.ics${request.lang === 'zh' ? '?lang=zh' : ''}`, personId, stationId } satisfies CalendarFeed, headers: { 'cache-control': 'no-store' } };
}

export async function revokeFeed(request: ApiRequest) {
  const { stationId, personId } = me(request);
  const revoked = await storeFromEnvironment().notices.revokeFeed(stationId, personId, new Date().toISOString());
  if (!revoked) throw notFound(say('error.notFound.ownFeed'));
  return { status: 204 };
}

export const handler = httpHandler({
  'GET /me/notices': listNotices,
  'POST /me/notices/read': readNotices,
  'POST /me/calendar-feed': newFeed,
  'DELETE /me/calendar-feed': revokeFeed,
});
