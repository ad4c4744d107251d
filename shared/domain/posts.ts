// The posts a person can hold in a time slot (API.md), and how the FB rules sort them for
// dedicated community officers (DOMAIN.md, "四不准").
import { z } from 'zod';

export const POST_IDS = [
  'community',
  'flex-night',
  'patrol-01',
  'patrol-02',
  'case-handling',
  'station-duty',
  // Added (API.md allows additions): on shift at the station with no demanded post (备勤), and office hours.
  'standby',
  'routine-duty',
  'command-room',
  'security-check',
  'large-event',
  'special-operation',
  'reinforced-duty',
  'meeting',
  'rest',
  'absent',
] as const;

export const PostId = z.enum(POST_IDS);
export type PostId = z.infer<typeof PostId>;

/** Posts a dedicated community officer may never hold, whatever is approved, with the rule that forbids each. */
export const ABSOLUTELY_FORBIDDEN: Readonly<Partial<Record<PostId, 'FB-1' | 'FB-2'>>> = {
  'patrol-01': 'FB-1',
  'patrol-02': 'FB-1',
  'case-handling': 'FB-2',
};

/** Non-community work a dedicated community officer may hold only under an approved redeployment (FB-3). */
export const NEEDS_REDEPLOYMENT: ReadonlySet<PostId> = new Set<PostId>([
  'station-duty',
  'standby',
  'routine-duty',
  'command-room',
  'security-check',
  'large-event',
  'special-operation',
]);

/** A dedicated community officer's own posts (FB-3: "their own posts"). */
export const COMMUNITY_OWN_POSTS: ReadonlySet<PostId> = new Set<PostId>([
  'community',
  'flex-night',
  'meeting',
  'rest',
  'absent',
]);

/** Posts that are not work that demand can ask for. */
export const NON_DEMAND_POSTS: ReadonlySet<PostId> = new Set<PostId>(['rest', 'absent', 'meeting', 'community', 'flex-night', 'standby']);

/**
 * Which FB rule, if any, stops a dedicated community officer from holding a post.
 * `reinforced-duty` is FB-4's standing exception: allowed inside a declared period only (checked by the caller).
 */
export function forbiddingRule(post: PostId): 'FB-1' | 'FB-2' | 'FB-3' | null {
  const absolute = ABSOLUTELY_FORBIDDEN[post];
  if (absolute) return absolute;
  if (NEEDS_REDEPLOYMENT.has(post)) return 'FB-3';
  return null;
}
