// The station leader's page: the frame (top bar, screen tabs, language, sign-out) around one screen at a time.
// Each screen is its own module under screens/; the state they share is in state.ts.
import { render, type FunctionComponent } from 'preact';
import { loadConfig, setUnauthorizedHandler, type SiteConfig } from './api.ts';
import { hostedSignIn } from './auth/index.ts';
import { lang, preferredLang, t, tx } from './i18n.ts';
import { DEMO_AS, decodeToken, primaryRole } from './model.ts';
import { AuditScreen } from './screens/audit.tsx';
import { BranchScreen } from './screens/branch.tsx';
import { CalendarScreen } from './screens/calendar.tsx';
import { DayToDayPanel } from './screens/day-to-day.tsx';
import { RosterScreen } from './screens/roster/index.tsx';
import { CommunitiesScreen } from './screens/setup/communities.tsx';
import { DemandScreen } from './screens/setup/demand.tsx';
import { RotationScreen } from './screens/setup/rotation.tsx';
import { RulesScreen } from './screens/setup/rules.tsx';
import { StaffScreen } from './screens/setup/staff.tsx';
import { SignIn } from './screens/signin.tsx';
import {
  LANG_KEY,
  SESSION_KEY,
  SETUP_SCREENS,
  chooseLang,
  devAvailable,
  directory,
  hashOf,
  hosted,
  otherLang,
  people,
  probeDev,
  screen,
  screenFromHash,
  screensFor,
  session,
  signInDev,
  signInError,
  signOut,
  signedIn,
  station,
  stationId,
  tokenRenewed,
  type Screen,
} from './state.ts';
import { LeaveDialog, guarded } from './ui/leave-guard.tsx';

/** One module per screen. */
export const SCREEN_VIEWS: Record<Screen, FunctionComponent> = {
  roster: RosterScreen,
  staff: StaffScreen,
  communities: CommunitiesScreen,
  rotation: RotationScreen,
  demand: DemandScreen,
  rules: RulesScreen,
  audit: AuditScreen,
  calendar: CalendarScreen,
  branch: BranchScreen,
};

/** The shield of the favicon, drawn inline (no font or request needed). */
function Logo() {
  return (
    <svg viewBox="0 0 32 32" class="logo" aria-hidden="true">
      <path d="M16 3l11 4v8c0 7.5-4.8 12.6-11 14.5C9.8 27.6 5 22.5 5 15V7z" fill="#fff" />
      <path d="M10.5 16l4 4 7-7.5" fill="none" stroke="#14325c" stroke-width="2.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** Moves to a screen; leaving the set-up screens with unsaved changes asks first. */
export function go(next: Screen): void {
  const leavingSetup = SETUP_SCREENS.includes(screen.value) && !SETUP_SCREENS.includes(next);
  const move = () => {
    screen.value = next;
    if (location.hash !== hashOf(next)) history.pushState(null, '', hashOf(next));
  };
  if (leavingSetup) guarded(move);
  else move();
}

function Nav() {
  const s = session.value;
  const list = screensFor(s, stationId.value);
  if (list.length < 2) return null;
  return (
    <nav class="screens" aria-label={t('screens')}>
      {list.map((name) => (
        <a
          href={hashOf(name)}
          class={`screen-tab${SETUP_SCREENS.includes(name) ? ' setup' : ''}`}
          aria-current={screen.value === name ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            go(name);
          }}
        >
          {tx('screen', name)}
        </a>
      ))}
    </nav>
  );
}

function Header() {
  const s = session.value;
  const stationName = (station.value ?? directory.value)?.name;
  const me = s ? (people.value.find((p) => p.id === s.sub)?.name ?? s.sub) : null;
  return (
    <header class="topbar">
      <div class="brand">
        <Logo />
        <h1>{t('appTitle')}</h1>
      </div>
      {s && stationName ? <span class="station-name">{`${t('station')}: ${stationName}`}</span> : null}
      <div class="spacer" />
      {s ? (
        <span class="who-am-i" title={`${s.sub} · ${s.groups.map((g) => tx('role', g)).join(', ')}`}>
          <span class="sr-only">{`${t('signedInAs')} `}</span>
          <strong>{me}</strong>
          <span class="role-badge">{tx('role', primaryRole(s.groups))}</span>
        </span>
      ) : null}
      <button type="button" class="ghost lang-toggle" lang={otherLang() === 'zh' ? 'zh' : 'en'} title={t('langToggleLabel')} onClick={() => chooseLang(otherLang())}>
        {t('langToggle')}
      </button>
      {s ? (
        <button type="button" class="ghost" onClick={() => guarded(() => signOut())}>
          {t('signOut')}
        </button>
      ) : null}
    </header>
  );
}

function Page({ config, booting }: { config: SiteConfig; booting: boolean }) {
  // Reading lang() here re-renders the frame (and the document title) when the language changes.
  document.title = t('appTitle');
  void lang();
  const s = session.value;
  const View = SCREEN_VIEWS[screen.value];
  return (
    <>
      <Header />
      {s ? <Nav /> : null}
      <main id="main" class="layout">
        {booting ? <p class="muted boot">{t('loading')}</p> : s ? (
          <>
            <DayToDayPanel />
            <View />
          </>
        ) : <SignIn config={config} />}
      </main>
      <LeaveDialog />
    </>
  );
}

export async function startApp(root: HTMLElement): Promise<void> {
  chooseLang(preferredLang(navigator.languages ?? [navigator.language], localStorage.getItem(LANG_KEY)));
  root.replaceChildren();
  let config: SiteConfig = {};
  const draw = (booting: boolean) => render(<Page config={config} booting={booting} />, root);
  draw(true);
  config = await loadConfig();
  const params = new URLSearchParams(location.search);
  stationId.value = params.get('station') ?? config.stationId ?? 'demo';
  screen.value = screenFromHash(location.hash);
  setUnauthorizedHandler(() => signOut(t('errorAuth')));
  window.addEventListener('popstate', () => {
    const next = screenFromHash(location.hash);
    if (next === screen.value) return;
    // Back/forward: put the address back until the user has confirmed leaving unsaved changes.
    const from = screen.value;
    history.pushState(null, '', hashOf(from));
    go(next);
  });

  // 1. Cognito hosted UI (code flow with PKCE, web/src/auth/): a return from it, or this tab's session.
  let signed = false;
  const { userPoolId, clientId, cognitoDomain, oidcAuthority } = config;
  if (userPoolId && clientId && cognitoDomain) {
    hosted.current = hostedSignIn({ userPoolId, clientId, cognitoDomain, ...(oidcAuthority ? { authority: oidcAuthority } : {}) });
    hosted.current.onChange(tokenRenewed);
    try {
      const idToken = await hosted.current.start();
      const s = idToken ? decodeToken(idToken) : null;
      if (s) await signedIn(s);
    } catch (e) {
      signInError.value = e;
    }
    // The hosted session is the only way in here: no dev sign-in, no older token of this tab.
    draw(false);
    return;
  }
  await probeDev();
  // 2. Local dev: /?as=director signs in at once.
  const as = params.get('as');
  if (!signed && as && devAvailable.value && DEMO_AS[as]) {
    try {
      await signInDev(DEMO_AS[as]!);
      signed = true;
    } catch (e) {
      signInError.value = e;
    }
  }
  // 3. This tab's earlier sign-in.
  if (!signed) {
    const stored = sessionStorage.getItem(SESSION_KEY);
    const s = stored ? decodeToken(stored) : null;
    if (s) await signedIn(s);
    else sessionStorage.removeItem(SESSION_KEY);
  }
  draw(false);
}
