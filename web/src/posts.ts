// How a post looks in the roster: a short code (per language) and a colour class. The posts themselves, their order and
// which may be requested come from the core (shared/domain/posts.ts).
import { NEEDS_REDEPLOYMENT, POST_IDS, type PostId } from '../../shared/domain/posts.ts';
import type { Lang } from './i18n.ts';

export type PostStyle = { en: string; zh: string; tone: string };

/** Known posts; a post the API adds later still shows (its first letters, neutral colour). */
export const POST_STYLES: Partial<Record<PostId, PostStyle>> & Record<string, PostStyle | undefined> = {
  community: { en: 'C', zh: '社', tone: 'community' },
  'flex-night': { en: 'F', zh: '夜', tone: 'flex' },
  'patrol-01': { en: 'P1', zh: '巡1', tone: 'patrol' },
  'patrol-02': { en: 'P2', zh: '巡2', tone: 'patrol' },
  'case-handling': { en: 'CH', zh: '案', tone: 'case' },
  'command-room': { en: 'CR', zh: '指', tone: 'command' },
  'station-duty': { en: 'SD', zh: '值', tone: 'duty' },
  standby: { en: 'SB', zh: '备', tone: 'standby' },
  'routine-duty': { en: 'RT', zh: '常', tone: 'routine' },
  'security-check': { en: 'SC', zh: '检', tone: 'security' },
  'large-event': { en: 'LE', zh: '活', tone: 'event' },
  'special-operation': { en: 'SO', zh: '专', tone: 'special' },
  'reinforced-duty': { en: 'RD', zh: '加', tone: 'reinforced' },
  meeting: { en: 'M', zh: '会', tone: 'meeting' },
  rest: { en: '–', zh: '休', tone: 'rest' },
  absent: { en: 'A', zh: '假', tone: 'absent' },
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

export function postCode(post: string, lang: Lang): string {
  const style = POST_STYLES[post];
  return style ? style[lang] : post.slice(0, 2).toUpperCase();
}

export function postTone(post: string): string {
  return POST_STYLES[post]?.tone ?? 'other';
}

/** Kinds of work shown first when a person holds several posts on one day. */
const RANK: Partial<Record<string, number>> = { rest: 9, absent: 8, meeting: 5, 'flex-night': 4 };
export const postOrder = (post: string): number => RANK[post] ?? 0;
