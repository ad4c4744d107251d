// How a post looks in the roster: a short code (per language) and a colour class. The posts themselves, their order,
// which may be requested (shared/domain/posts.ts) and their codes (shared/i18n/terms.ts) come from the core.
import { NEEDS_REDEPLOYMENT, POST_IDS, type PostId } from '../../shared/domain/posts.ts';
import { postCode as termCode } from '../../shared/i18n/terms.ts';
import type { Lang } from './i18n.ts';

/** The colour class of each known post; its short code and name are the core's terms (shared/i18n/terms.ts). */
export const POST_TONES: Partial<Record<PostId, string>> & Record<string, string | undefined> = {
  community: 'community',
  'flex-night': 'flex',
  'patrol-01': 'patrol',
  'patrol-02': 'patrol',
  'case-handling': 'case',
  'command-room': 'command',
  'station-duty': 'duty',
  standby: 'standby',
  'routine-duty': 'routine',
  'security-check': 'security',
  'large-event': 'event',
  'special-operation': 'special',
  'reinforced-duty': 'reinforced',
  meeting: 'meeting',
  rest: 'rest',
  absent: 'absent',
};

/** Legend order: the API's order of posts (community first, then station work, then rest and absence). */
export const LEGEND_ORDER: readonly string[] = POST_IDS;

/** Posts a redeployment request may name: the FB-3 posts and level-1 reinforced duty (AP-1, FB-4). */
export const REQUESTABLE_POSTS: readonly PostId[] = [...NEEDS_REDEPLOYMENT, 'reinforced-duty'];

/** The legend's posts: those on screen, in legend order (posts the page does not know last). */
export function legendPosts(present: Iterable<string>): string[] {
  const set = new Set(present);
  return [...LEGEND_ORDER.filter((p) => set.has(p)), ...[...set].filter((p) => !LEGEND_ORDER.includes(p)).sort()];
}

/** A post's short code; a post the core does not know yet shows its first letters. */
export function postCode(post: string, lang: Lang): string {
  const code = termCode(lang, post);
  return code === post ? post.slice(0, 2).toUpperCase() : code;
}

export function postTone(post: string): string {
  return POST_TONES[post] ?? 'other';
}

/** Kinds of work shown first when a person holds several posts on one day. */
const RANK: Partial<Record<string, number>> = { rest: 9, absent: 8, meeting: 5, 'flex-night': 4 };
export const postOrder = (post: string): number => RANK[post] ?? 0;
