// The page's state as signals: who is signed in, which station, the station as read, the screen on show. Screens read
// these signals (and re-render when they change) and call the actions below; no screen talks to another directly.
import { computed, signal } from '@preact/signals';
import { ApiError, apiUrl, json, setToken } from './api.ts';
import type { HostedSignIn } from './auth/index.ts';
import { lang, setLang, t, type Lang } from './i18n.ts';
import { canReadAudit, canReadRequests, canReadStation, decodeToken, type Session, type Station } from './model.ts';

export const SESSION_KEY = 'roster.session';
export const LANG_KEY = 'roster.lang';

/** The screens of the page; `#/setup/staff` and so on in the address. */
export const SCREENS = ['roster', 'staff', 'communities', 'rotation', 'demand', 'rules', 'audit', 'calendar', 'branch'] as const;
export type Screen = (typeof SCREENS)[number];
export const SETUP_SCREENS: readonly Screen[] = ['staff', 'communities', 'rotation', 'demand', 'rules'];

export const session = signal<Session | null>(null);
export const stationId = signal('demo');
/** The station as the API returned it (with `version`), or null until read. */
export const station = signal<Station | null>(null);
/** Local dev only: the demo station's people, read with a dev admin token (for the sign-in picker and names). */
export const directory = signal<Station | null>(null);
export const devAvailable = signal(false);
export const screen = signal<Screen>('roster');
/** A message shown under the sign-in title (an expired token, a failed dev sign-in). */
export const signInError = signal<unknown>(null);

export const people = computed(() => (station.value ?? directory.value)?.people ?? []);

export const personName = (id: string): string => {
  const p = people.value.find((x) => x.id === id);
  return p ? `${p.name} (${p.id})` : id;
};

export const communityName = (id: string): string | undefined => (station.value ?? directory.value)?.communities.find((c) => c.id === id)?.name;

/** The screens this session may open. */
export function screensFor(s: Session | null, id: string): Screen[] {
  if (!s) return [];
  const list: Screen[] = ['roster'];
  if (canReadStation(s, id)) list.push('staff', 'communities', 'rotation', 'demand', 'rules');
  if (canReadAudit(s, id)) list.push('audit');
  list.push('calendar'); // CAL-3: anyone signed in reads it; the admin loads a year
  // The branch's own page: all its stations (admin reaches it with ?branch=).
  if (s.groups.includes('branch') || s.groups.includes('admin')) list.unshift('branch');
  return list;
}

/** Screen from the address: `#/audit`, `#/setup/staff`. */
export function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '').replace(/^setup\//, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'roster';
}

export const hashOf = (s: Screen): string => (s === 'roster' ? '#/' : SETUP_SCREENS.includes(s) ? `#/setup/${s}` : `#/${s}`);

export function chooseLang(next: Lang): void {
  setLang(next);
  localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export const otherLang = (): Lang => (lang() === 'zh' ? 'en' : 'zh');

/** Reads the station again (after a save elsewhere, or a reload). */
export async function loadStation(): Promise<Station> {
  const st = await json<Station>('GET', `/stations/${encodeURIComponent(stationId.value)}`);
  station.value = st;
  return st;
}

/** Local only: /dev/token exists; read the demo station's people with a dev admin token for the picker. */
export async function probeDev(): Promise<void> {
  try {
    const res = await fetch(apiUrl('/dev/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'dev-sign-in', groups: ['admin'], expiresIn: 300 }),
    });
    if (!res.ok) return;
    const { token } = (await res.json()) as { token: string };
    devAvailable.value = true;
    const st = await fetch(apiUrl(`/stations/${encodeURIComponent(stationId.value)}`), { headers: { authorization: `Bearer ${token}` } });
    if (st.ok) directory.value = (await st.json()) as Station;
  } catch {
    /* no local dev server */
  }
}

export async function signInDev(who: { sub: string; groups: string[]; stationId?: string; branchId?: string }): Promise<void> {
  const body = { sub: who.sub, groups: who.groups, ...(who.stationId ? { stationId: who.stationId } : {}), ...(who.branchId ? { branchId: who.branchId } : {}) };
  const { token } = await json<{ token: string }>('POST', '/dev/token', body, { auth: false });
  const s = decodeToken(token);
  if (!s) throw new ApiError(0, 'TOKEN', 'The dev token could not be read.');
  await signedIn(s);
}

/** Listeners that reset their screen's state when someone signs in (the roster screen, the inbox). */
const onSignIn: ((s: Session) => void)[] = [];
export const whenSignedIn = (fn: (s: Session) => void): void => void onSignIn.push(fn);

export async function signedIn(s: Session): Promise<void> {
  setToken(s.token);
  sessionStorage.setItem(SESSION_KEY, s.token);
  if (s.stationId && !s.groups.includes('branch') && !s.groups.includes('admin')) stationId.value = s.stationId;
  signInError.value = null;
  station.value = null;
  for (const fn of onSignIn) fn(s);
  session.value = s;
  if (!screensFor(s, stationId.value).includes(screen.value)) screen.value = 'roster';
  // A branch user lands on the branch's page.
  if (s.groups.includes('branch') && s.branchId && screen.value === 'roster') screen.value = 'branch';
  if (canReadStation(s, stationId.value)) await loadStation().catch(() => undefined);
  else if (directory.value) station.value = directory.value;
}

/** The Cognito hosted UI sign-in (web/src/auth/), when config.json names a user pool. */
export const hosted: { current: HostedSignIn | null } = { current: null };

/** A renewed ID token replaces the session's; null means it could not be renewed and the session is over. */
export function tokenRenewed(idToken: string | null): void {
  const s = idToken ? decodeToken(idToken) : null;
  if (!s) {
    signOut(t('errorAuth'));
    return;
  }
  if (!session.value) return;
  setToken(s.token);
  sessionStorage.setItem(SESSION_KEY, s.token);
  session.value = { ...session.value, token: s.token };
}

/** Without a message it is the person's own sign-out, which also ends the hosted UI session. */
export function signOut(message?: unknown): void {
  if (message === undefined && hosted.current) void hosted.current.signOut();
  sessionStorage.removeItem(SESSION_KEY);
  setToken(null);
  session.value = null;
  station.value = null;
  const url = new URL(location.href);
  url.searchParams.delete('as');
  history.replaceState(null, '', url.pathname + url.search);
  signInError.value = message ?? null;
}

export { canReadRequests };
