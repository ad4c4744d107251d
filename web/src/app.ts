// The station leader's page: sign-in, the roster grid, plan and publish, exports, the approvals inbox.
// Vanilla TypeScript: the state lives here; each part of the page is re-rendered from it when it changes.
import type { Plan, Suggestion } from '../../shared/domain/plan.ts';
import type { Redeployment, RedeploymentRequestBody } from '../../shared/domain/redeployment.ts';
import type { Roster } from '../../shared/domain/roster.ts';
import type { Person } from '../../shared/domain/station.ts';
import { ApiError, apiUrl, download, json, loadConfig, setToken, setUnauthorizedHandler, type SiteConfig } from './api.ts';
import { type HostedSignIn, hostedSignIn } from './auth/index.ts';
import { h, replace } from './dom.ts';
import { formatDay, lang, preferredLang, setLang, t, tx, type Lang } from './i18n.ts';
import {
  DEMO_AS,
  addDays,
  canPlan,
  canReadRequests,
  canReadRoster,
  canReadStation,
  canRequest,
  dateRange,
  decodeToken,
  groupPeople,
  groupsForRank,
  indexAssignments,
  localDate,
  nextMonday,
  placeholderPerson,
  primaryRole,
  shortfallIndex,
  timeSpan,
  violationIndex,
  visibleAssignments,
  type Session,
  type Station,
} from './model.ts';
import { legendPosts, postCode, postTone } from './posts.ts';
import { renderInbox, requestForm } from './views/approvals.ts';
import { renderGrid, renderLegend, type GridHandle } from './views/grid.ts';
import { renderIssues, renderKpiTiles, renderKpis, renderSuggestions, suggestionKey, type SuggestionState } from './views/panels.ts';

type View = { kind: 'plan'; plan: Plan } | { kind: 'roster'; from: string; to: string; assignments: Roster['assignments'] } | null;
type Flash = { kind: 'info' | 'error'; node: HTMLElement } | null;

const SESSION_KEY = 'roster.session';
const LANG_KEY = 'roster.lang';
const planKey = (stationId: string) => `roster.plan.${stationId}`;

export class App {
  private config: SiteConfig = {};
  /** The Cognito hosted UI sign-in, when config.json names a user pool. */
  private hosted: HostedSignIn | null = null;
  private session: Session | null = null;
  private stationId = 'demo';
  private station: Station | null = null;
  /** Local dev only: the demo station's people, read with a dev admin token (for the sign-in picker and names). */
  private directory: Station | null = null;
  private devAvailable = false;
  private view: View = null;
  private start: string;
  private days = 28;
  private busy: 'plan' | 'publish' | 'view' | null = null;
  private flash: Flash = null;
  private pending: Redeployment[] | null | 'unavailable' = null;
  private decided: Redeployment[] = [];
  private inboxBusy = new Set<string>();
  private inboxMessage: HTMLElement | null = null;
  private suggestionState: SuggestionState = new Map();
  private grid: GridHandle | null = null;
  private signInError: HTMLElement | null = null;
  /** On sign-in, show the station's last plan again (its id is kept in localStorage). */
  private restorePlan = false;
  /** The new-request form, kept across re-renders of the inbox (rebuilt when the language or the people change). */
  private form: { node: HTMLElement; key: string } | null = null;

  private readonly parts = {
    header: h('header', { class: 'topbar' }),
    main: h('main', { id: 'main', class: 'layout' }),
    controls: h('section', { class: 'card controls', id: 'controls' }),
    flash: h('div', { id: 'flash', class: 'flash-area' }),
    roster: h('section', { class: 'card roster', id: 'roster', 'aria-labelledby': 'roster-title' }),
    side: h('div', { class: 'side', id: 'side' }),
    inbox: h('div', { id: 'inbox' }),
    kpis: h('div', { id: 'kpis' }),
    summary: h('div', { id: 'summary' }),
    live: h('p', { id: 'cell-details', class: 'cell-details', 'aria-live': 'polite', 'aria-atomic': 'true' }),
  };

  constructor(private readonly root: HTMLElement) {
    this.start = nextMonday(localDate(new Date()));
  }

  async boot(): Promise<void> {
    setLang(preferredLang(navigator.languages ?? [navigator.language], localStorage.getItem(LANG_KEY)));
    this.applyLang();
    this.root.replaceChildren(this.parts.header, this.parts.main);
    this.renderHeader();
    replace(this.parts.main, h('p', { class: 'muted boot' }, t('loading')));
    this.config = await loadConfig();
    const params = new URLSearchParams(location.search);
    this.stationId = params.get('station') ?? this.config.stationId ?? 'demo';
    setUnauthorizedHandler(() => this.signOut(t('errorAuth')));

    // 1. Cognito hosted UI (code flow with PKCE, web/src/auth/): a return from it, or this tab's session.
    const { userPoolId, clientId, cognitoDomain, oidcAuthority } = this.config;
    if (userPoolId && clientId && cognitoDomain) {
      this.hosted = hostedSignIn({ userPoolId, clientId, cognitoDomain, ...(oidcAuthority ? { authority: oidcAuthority } : {}) });
      this.hosted.onChange((idToken) => this.tokenRenewed(idToken));
      try {
        const idToken = await this.hosted.start();
        const s = idToken ? decodeToken(idToken) : null;
        if (s) return this.signedIn(s);
      } catch (e) {
        this.signInError = errorBox(e);
      }
      return this.renderSignIn();
    }
    await this.probeDev();
    // 2. Local dev: /?as=director signs in at once.
    const as = params.get('as');
    if (as && this.devAvailable && DEMO_AS[as]) {
      try {
        return await this.signInDev(DEMO_AS[as]!);
      } catch (e) {
        this.signInError = errorBox(e);
      }
    }
    // 3. This tab's earlier sign-in.
    const stored = sessionStorage.getItem(SESSION_KEY);
    if (stored) {
      const s = decodeToken(stored);
      if (s) return this.signedIn(s);
      sessionStorage.removeItem(SESSION_KEY);
    }
    this.renderSignIn();
  }

  // ---------------------------------------------------------------- sign-in

  /** Local only: /dev/token exists; read the demo station's people with a dev admin token for the picker. */
  private async probeDev(): Promise<void> {
    try {
      const res = await fetch(apiUrl('/dev/token'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'dev-sign-in', groups: ['admin'], expiresIn: 300 }),
      });
      if (!res.ok) return;
      const { token } = (await res.json()) as { token: string };
      this.devAvailable = true;
      const station = await fetch(apiUrl(`/stations/${encodeURIComponent(this.stationId)}`), { headers: { authorization: `Bearer ${token}` } });
      if (station.ok) this.directory = (await station.json()) as Station;
    } catch {
      /* no local dev server */
    }
  }

  private async signInDev(who: { sub: string; groups: string[]; stationId?: string }): Promise<void> {
    const { token } = await json<{ token: string }>('POST', '/dev/token', { sub: who.sub, groups: who.groups, ...(who.stationId ? { stationId: who.stationId } : {}) }, { auth: false });
    const s = decodeToken(token);
    if (!s) throw new ApiError(0, 'TOKEN', 'The dev token could not be read.');
    await this.signedIn(s);
  }

  private renderSignIn(): void {
    this.session = null;
    this.renderHeader();
    let body: HTMLElement;
    const hosted = this.hosted;
    if (hosted) {
      const go = () => hosted.signIn().catch((err: unknown) => {
        this.signInError = errorBox(err);
        this.renderSignIn();
      });
      body = h('div', null, h('p', null, t('signInCognito')), h('button', { type: 'button', class: 'primary', on: { click: go } }, t('signIn')));
    } else if (this.devAvailable && this.directory) {
      const people = this.directory.people;
      const select = h(
        'select',
        { id: 'signin-person', name: 'person' },
        (['director', 'instructor', 'deputy', 'officer', 'auxiliary'] as const).map((rank) =>
          h(
            'optgroup',
            { label: tx('role', rank) },
            people.filter((p) => p.rank === rank).map((p) => h('option', { value: p.id }, `${p.name} (${p.id}) · ${tx('role', p.rank)}${p.community ? ` · ${p.community.id} ${p.community.role}` : p.group ? ` · ${p.group}` : ''}`)),
          ),
        ),
        h('optgroup', { label: tx('role', 'branch') }, h('option', { value: '@branch' }, t('signInBranch'))),
      );
      const form = h(
        'form',
        {
          class: 'signin-form',
          on: {
            submit: (e: Event) => {
              e.preventDefault();
              const id = select.value;
              const person = people.find((p) => p.id === id);
              const who = id === '@branch' ? DEMO_AS.branch! : { sub: id, groups: groupsForRank(person?.rank ?? 'officer'), stationId: this.stationId };
              this.signInDev(who).catch((err: unknown) => {
                this.signInError = errorBox(err);
                this.renderSignIn();
              });
            },
          },
        },
        h('label', { htmlFor: 'signin-person' }, t('signInAs')),
        select,
        h('button', { type: 'submit', class: 'primary' }, t('signIn')),
      );
      const quick = h(
        'p',
        { class: 'quick' },
        Object.keys(DEMO_AS).map((role) => h('a', { href: `?as=${role}${this.stationId !== 'demo' ? `&station=${this.stationId}` : ''}` }, `?as=${role}`)),
      );
      body = h('div', null, h('p', null, t('signInIntro')), form, quick);
    } else body = h('p', { class: 'muted' }, t('signInNone'));
    replace(this.parts.main, h('section', { class: 'card signin', 'aria-labelledby': 'signin-title' }, h('h2', { id: 'signin-title' }, t('signInTitle')), this.signInError, body));
  }

  private async signedIn(s: Session): Promise<void> {
    this.session = s;
    this.signInError = null;
    setToken(s.token);
    sessionStorage.setItem(SESSION_KEY, s.token);
    if (s.stationId && !s.groups.includes('branch') && !s.groups.includes('admin')) this.stationId = s.stationId;
    const today = localDate(new Date());
    this.start = canPlan(s, this.stationId) ? nextMonday(today) : today;
    this.days = 28;
    this.restorePlan = canReadRoster(s, this.stationId);
    this.station = null;
    this.view = null;
    this.pending = null;
    this.decided = [];
    this.flash = null;
    this.renderAll();
    const tasks: Promise<unknown>[] = [];
    if (canReadStation(s, this.stationId))
      tasks.push(
        json<Station>('GET', `/stations/${enc(this.stationId)}`).then(
          (st) => {
            this.station = st;
          },
          (e: unknown) => this.showError(e),
        ),
      );
    else if (this.directory) this.station = this.directory;
    await Promise.all(tasks);
    this.renderAll();
    await Promise.all([this.loadView(), canReadRequests(s, this.stationId) ? this.loadInbox() : Promise.resolve()]);
  }

  /** A renewed ID token replaces the old one; null means the session could not be renewed. */
  private tokenRenewed(idToken: string | null): void {
    const s = idToken ? decodeToken(idToken) : null;
    if (!s) {
      this.signOut(t('errorAuth'));
      return;
    }
    if (!this.session) return;
    this.session = { ...this.session, token: s.token };
    setToken(s.token);
    sessionStorage.setItem(SESSION_KEY, s.token);
  }

  /** Without a message it is the person's own sign-out, which also ends the hosted UI session. */
  private signOut(message?: string): void {
    if (!message && this.hosted) void this.hosted.signOut();
    sessionStorage.removeItem(SESSION_KEY);
    setToken(null);
    this.session = null;
    this.view = null;
    const url = new URL(location.href);
    url.searchParams.delete('as');
    history.replaceState(null, '', url.pathname + url.search);
    this.signInError = message ? h('div', { class: 'alert error', role: 'alert' }, message) : null;
    this.renderSignIn();
  }

  // ---------------------------------------------------------------- data

  private async loadView(): Promise<void> {
    const s = this.session;
    if (!s) return;
    const savedPlan = this.restorePlan ? localStorage.getItem(planKey(this.stationId)) : null;
    this.restorePlan = false;
    try {
      if (savedPlan) {
        this.view = { kind: 'plan', plan: await json<Plan>('GET', `/stations/${enc(this.stationId)}/plans/${enc(savedPlan)}`) };
        this.start = this.view.plan.start;
        this.days = this.view.plan.days;
      } else if (canReadRoster(s, this.stationId) || s.stationId === this.stationId) {
        const from = this.start;
        const to = addDays(from, this.days - 1);
        const mine = !canReadRoster(s, this.stationId);
        const roster = await json<Roster>('GET', `/stations/${enc(this.stationId)}/roster?${new URLSearchParams({ from, to, ...(mine ? { personId: s.sub } : {}) })}`);
        this.view = { kind: 'roster', from, to, assignments: roster.assignments };
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && savedPlan) {
        // The plan is gone (a fresh local database): show the published roster instead.
        localStorage.removeItem(planKey(this.stationId));
        return this.loadView();
      }
      this.showError(e);
    }
    this.renderControls();
    this.renderRoster();
  }

  private async loadInbox(): Promise<void> {
    try {
      const list = await json<{ items: Redeployment[] }>('GET', `/stations/${enc(this.stationId)}/redeployments?status=pending`);
      this.pending = list.items;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND') this.pending = 'unavailable';
      else {
        this.pending = [];
        this.inboxMessage = errorBox(e);
      }
    }
    this.renderInbox();
  }

  private async createPlan(): Promise<void> {
    this.busy = 'plan';
    this.flash = null;
    this.renderControls();
    this.parts.roster.setAttribute('aria-busy', 'true');
    try {
      const plan = await json<Plan>('POST', `/stations/${enc(this.stationId)}/plans`, { start: this.start, days: this.days });
      this.view = { kind: 'plan', plan };
      this.suggestionState = new Map();
      localStorage.setItem(planKey(this.stationId), plan.id);
      this.setFlash('info', t('planCreated', { id: plan.id, shortfalls: plan.shortfalls.length, violations: plan.violations.length }));
    } catch (e) {
      this.showError(e);
    } finally {
      this.busy = null;
      this.parts.roster.removeAttribute('aria-busy');
    }
    this.renderControls();
    this.renderRoster();
  }

  private async publish(): Promise<void> {
    if (this.view?.kind !== 'plan') return;
    const plan = this.view.plan;
    this.busy = 'publish';
    this.renderControls();
    try {
      const published = await json<Plan>('POST', `/stations/${enc(this.stationId)}/plans/${enc(plan.id)}/publish`, { version: plan.version });
      this.view = { kind: 'plan', plan: published };
      this.setFlash('info', t('planPublishedMsg', { id: plan.id }));
    } catch (e) {
      this.showError(e);
    } finally {
      this.busy = null;
    }
    this.renderControls();
    this.renderRosterHeading();
  }

  private async requestSuggestion(s: Suggestion): Promise<void> {
    const key = suggestionKey(s);
    this.suggestionState.set(key, { busy: true });
    this.renderSide();
    const created = await this.createRequest({
      personId: s.personId,
      post: s.post,
      from: s.from,
      to: s.to,
      kind: s.post === 'routine-duty' ? 'routine-duty' : 'duty',
      reason: s.why.slice(0, 2000),
    });
    this.suggestionState.set(key, created ? { id: created.id } : {});
    this.renderSide();
  }

  private async createRequest(body: Partial<RedeploymentRequestBody> & Pick<RedeploymentRequestBody, 'personId' | 'post' | 'from' | 'to'>): Promise<Redeployment | null> {
    try {
      const created = await json<Redeployment>('POST', `/stations/${enc(this.stationId)}/redeployments`, body);
      this.inboxMessage = h('div', { class: 'alert info', role: 'status' }, t('requested', { id: created.id }));
      if (Array.isArray(this.pending)) this.pending = [...this.pending.filter((r) => r.id !== created.id), created];
      this.renderInbox();
      void this.loadInbox();
      return created;
    } catch (e) {
      this.inboxMessage = errorBox(e);
      this.renderInbox();
      this.focusInboxMessage();
      return null;
    }
  }

  private async decide(r: Redeployment, decision: 'approve' | 'reject', comment: string): Promise<void> {
    this.inboxBusy.add(r.id);
    this.renderInbox();
    try {
      const updated = await json<Redeployment>('POST', `/stations/${enc(this.stationId)}/redeployments/${enc(r.id)}/decisions`, { decision, comment });
      this.afterChange(updated);
    } catch (e) {
      this.inboxMessage = errorBox(e);
      if (e instanceof ApiError && e.status === 409) void this.loadInbox();
    } finally {
      this.inboxBusy.delete(r.id);
    }
    this.renderInbox();
    this.focusInboxMessage();
  }

  private async withdraw(r: Redeployment): Promise<void> {
    this.inboxBusy.add(r.id);
    this.renderInbox();
    try {
      const updated = await json<Redeployment>('POST', `/stations/${enc(this.stationId)}/redeployments/${enc(r.id)}/withdraw`, {});
      this.afterChange(updated);
    } catch (e) {
      this.inboxMessage = errorBox(e);
    } finally {
      this.inboxBusy.delete(r.id);
    }
    this.renderInbox();
    this.focusInboxMessage();
  }

  private afterChange(updated: Redeployment): void {
    this.inboxMessage = h('div', { class: `alert ${updated.status === 'rejected' || updated.status === 'withdrawn' ? 'warn' : 'info'}`, role: 'status' }, t('nowStatus', { id: updated.id, status: tx('status', updated.status) }));
    if (Array.isArray(this.pending)) {
      this.pending = updated.status === 'pending' ? this.pending.map((x) => (x.id === updated.id ? updated : x)) : this.pending.filter((x) => x.id !== updated.id);
    }
    if (updated.status !== 'pending') this.decided = [updated, ...this.decided.filter((x) => x.id !== updated.id)];
  }

  private focusInboxMessage(): void {
    const msg = this.parts.inbox.querySelector<HTMLElement>('.alert');
    if (msg) {
      msg.tabIndex = -1;
      msg.focus();
    }
  }

  // ---------------------------------------------------------------- helpers

  private people(): Person[] {
    return (this.station ?? this.directory)?.people ?? [];
  }

  private readonly name = (id: string): string => {
    const p = this.people().find((x) => x.id === id);
    return p ? `${p.name} (${p.id})` : id;
  };

  private readonly communityName = (id: string): string | undefined => (this.station ?? this.directory)?.communities.find((c) => c.id === id)?.name;

  private setFlash(kind: 'info' | 'error', text: string | HTMLElement): void {
    const node = typeof text === 'string' ? h('div', { class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text) : text;
    this.flash = { kind, node };
    replace(this.parts.flash, node);
  }

  private showError(e: unknown): void {
    this.setFlash('error', errorBox(e));
  }

  private applyLang(): void {
    document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle');
  }

  private switchLang(): void {
    const next: Lang = lang() === 'zh' ? 'en' : 'zh';
    setLang(next);
    localStorage.setItem(LANG_KEY, next);
    this.applyLang();
    this.flash = null;
    this.inboxMessage = null;
    if (this.session) this.renderAll();
    else {
      this.renderHeader();
      this.renderSignIn();
    }
  }

  // ---------------------------------------------------------------- rendering

  private renderAll(): void {
    this.renderHeader();
    const s = this.session;
    if (!s) return;
    const wide = canReadRoster(s, this.stationId);
    const layout: HTMLElement[] = [this.parts.controls, this.parts.flash, this.parts.summary];
    if (s.stationId === this.stationId || wide) layout.push(this.parts.roster);
    layout.push(h('div', { class: 'columns' }, this.parts.side, this.parts.inbox));
    layout.push(this.parts.kpis);
    replace(this.parts.main, layout);
    replace(this.parts.flash, this.flash?.node ?? null);
    this.renderControls();
    this.renderRoster();
    this.renderInbox();
  }

  private renderHeader(): void {
    const s = this.session;
    const stationName = (this.station ?? this.directory)?.name;
    replace(
      this.parts.header,
      h('div', { class: 'brand' }, logo(), h('h1', null, t('appTitle'))),
      s && stationName ? h('span', { class: 'station-name' }, `${t('station')}: ${stationName}`) : null,
      h('div', { class: 'spacer' }),
      s
        ? h(
            'span',
            { class: 'who-am-i', title: `${s.sub} · ${s.groups.join(', ')}` },
            h('span', { class: 'sr-only' }, `${t('signedInAs')} `),
            h('strong', null, this.people().find((p) => p.id === s.sub)?.name ?? s.sub),
            h('span', { class: 'role-badge' }, tx('role', primaryRole(s.groups))),
          )
        : null,
      h('button', { type: 'button', class: 'ghost lang-toggle', lang: lang() === 'zh' ? 'en' : 'zh', title: t('langToggleLabel'), on: { click: () => this.switchLang() } }, t('langToggle')),
      s ? h('button', { type: 'button', class: 'ghost', on: { click: () => this.signOut() } }, t('signOut')) : null,
    );
  }

  private exportLinks(): HTMLElement | null {
    const s = this.session;
    if (!s || s.stationId !== this.stationId) return null;
    const from = this.start;
    const to = addDays(from, this.days - 1);
    const whole = canReadRoster(s, this.stationId);
    const base = `/stations/${enc(this.stationId)}/roster`;
    const csvPath = `${base}?${new URLSearchParams({ from, to, format: 'csv', ...(whole ? {} : { personId: s.sub }) })}`;
    const icsPath = `${base}?${new URLSearchParams({ from, to, format: 'ics', personId: s.sub })}`;
    const link = (path: string, label: string, file: string) =>
      h(
        'a',
        {
          href: apiUrl(path),
          class: 'button secondary export',
          download: file,
          on: {
            click: (e: Event) => {
              e.preventDefault();
              download(path, file).catch((err: unknown) => this.showError(err));
            },
          },
        },
        label,
      );
    return h(
      'div',
      { class: 'exports', role: 'group', 'aria-label': t('exports') },
      h('span', { class: 'label' }, t('exports')),
      link(csvPath, t('csv'), `roster-${this.stationId}-${from}-${to}.csv`),
      link(icsPath, t('calendar'), `roster-${this.stationId}-${s.sub}.ics`),
    );
  }

  private renderControls(): void {
    const s = this.session;
    if (!s) return;
    const planner = canPlan(s, this.stationId);
    const member = s.stationId === this.stationId;
    if (!planner && !member) {
      replace(this.parts.controls, h('p', { class: 'muted' }, `${t('station')}: ${this.stationId}`));
      return;
    }
    const onRange = () => {
      this.renderControls();
      if (this.view?.kind !== 'plan') {
        this.view = null;
        void this.loadView();
      }
    };
    const startInput = h('input', {
      id: 'plan-start',
      type: 'date',
      value: this.start,
      required: true,
      on: {
        change: (e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
            this.start = v;
            onRange();
          }
        },
      },
    });
    const daysInput = h('input', {
      id: 'plan-days',
      type: 'number',
      min: 1,
      max: 92,
      value: String(this.days),
      required: true,
      on: {
        change: (e: Event) => {
          const n = Number((e.target as HTMLInputElement).value);
          if (Number.isInteger(n) && n >= 1 && n <= 92) {
            this.days = n;
            onRange();
          }
        },
      },
    });
    const plan = this.view?.kind === 'plan' ? this.view.plan : null;
    const status = plan
      ? h(
          'p',
          { class: 'plan-status' },
          h('span', { class: `status-badge plan-${plan.status}` }, plan.status === 'draft' ? t('planDraft') : plan.status === 'published' ? t('planPublished') : t('planSuperseded')),
          h('code', null, plan.id),
          h('span', null, `v${plan.version}`),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              on: {
                click: () => {
                  this.view = null;
                  this.flash = null;
                  replace(this.parts.flash);
                  this.renderControls();
                  this.renderRoster();
                  void this.loadView();
                },
              },
            },
            t('showPublished'),
          ),
        )
      : null;
    replace(
      this.parts.controls,
      h(
        'div',
        { class: 'range' },
        h('div', { class: 'field' }, h('label', { htmlFor: 'plan-start' }, t('start')), startInput),
        h('div', { class: 'field narrow' }, h('label', { htmlFor: 'plan-days' }, t('days')), daysInput),
        planner
          ? [
              h('button', { type: 'button', class: 'primary', disabled: this.busy !== null, on: { click: () => void this.createPlan() } }, this.busy === 'plan' ? t('creating') : t('createPlan')),
              h(
                'button',
                { type: 'button', class: 'secondary', disabled: this.busy !== null || plan?.status !== 'draft', on: { click: () => void this.publish() } },
                this.busy === 'publish' ? t('publishing') : t('publish'),
              ),
            ]
          : null,
      ),
      status,
      this.exportLinks(),
      plan && (plan.needsReplan ?? []).length
        ? h('p', { class: 'alert warn replan', role: 'status' }, t('needsReplan', { n: plan.needsReplan.length, dates: plan.needsReplan.slice(0, 5).map((d) => formatDay(d)).join(', ') + (plan.needsReplan.length > 5 ? ' …' : '') }))
        : null,
    );
  }

  private renderRosterHeading(): void {
    const heading = this.parts.roster.querySelector('#roster-title');
    if (heading) heading.textContent = this.rosterTitle();
  }

  private rosterTitle(): string {
    const s = this.session;
    if (s && !canReadRoster(s, this.stationId)) return t('myRoster');
    if (this.view?.kind === 'plan') return this.view.plan.status === 'draft' ? t('planDraft') : this.view.plan.status === 'published' ? t('planPublished') : t('planSuperseded');
    return t('publishedRoster');
  }

  private renderRoster(): void {
    const s = this.session;
    if (!s) return;
    this.grid = null;
    const view = this.view;
    const leader = canReadRoster(s, this.stationId);
    const heading = h('h2', { id: 'roster-title' }, this.rosterTitle());
    if (!view) {
      replace(this.parts.roster, heading, h('p', { class: 'muted' }, this.busy === 'plan' ? t('creating') : t('loading')));
      this.renderSide();
      return;
    }
    const from = view.kind === 'plan' ? view.plan.start : view.from;
    const dates = view.kind === 'plan' ? dateRange(view.plan.start, view.plan.days) : dateRange(view.from, this.days);
    const assignments = view.kind === 'plan' ? view.plan.assignments : view.assignments;
    if (leader && view.kind === 'roster' && assignments.length === 0) {
      replace(this.parts.roster, heading, h('p', { class: 'empty' }, t('noPlanYet')));
      this.renderSide();
      return;
    }
    const everyone = this.people();
    const people = leader ? everyone : [everyone.find((p) => p.id === s.sub) ?? placeholderPerson(s.sub)];
    const known = new Set(people.map((p) => p.id));
    const extra = leader ? [...new Set(assignments.map((a) => a.personId))].filter((id) => !known.has(id)).map(placeholderPerson) : [];
    const groups = groupPeople({ people: [...people, ...extra], groups: this.station?.groups ?? [], communities: this.station?.communities ?? this.directory?.communities ?? [] });
    const index = indexAssignments(assignments);
    const plan = view.kind === 'plan' ? view.plan : null;
    const range = `${formatDay(from)} – ${formatDay(dates[dates.length - 1] ?? from)}`;
    const caption = leader ? t('rosterCaption', { from: formatDay(from), to: formatDay(dates[dates.length - 1] ?? from), people: people.length + extra.length }) : range;
    this.parts.live.textContent = t('cellDetailsEmpty');
    this.grid = renderGrid({
      groups,
      dates,
      index,
      violations: violationIndex(plan?.violations ?? []),
      shortfalls: shortfallIndex(plan?.shortfalls ?? []),
      communityName: this.communityName,
      live: this.parts.live,
      caption,
    });
    const myList = leader ? null : this.renderMyDays(dates, index.get(s.sub));
    replace(
      this.parts.roster,
      h('div', { class: 'roster-head' }, heading, h('p', { id: 'roster-caption', class: 'caption' }, caption)),
      renderLegend(legendPosts(assignments.map((a) => a.post)), leader),
      myList,
      h('div', { class: leader ? 'grid-wrap' : 'grid-wrap wide-only' }, this.grid.element),
      this.parts.live,
      !leader && assignments.length === 0 ? h('p', { class: 'empty' }, t('noRoster')) : null,
    );
    this.renderSide();
  }

  /** An officer's own days as a compact list (the phone view). */
  private renderMyDays(dates: string[], byDate: Map<string, Roster['assignments']> | undefined): HTMLElement {
    return h(
      'ol',
      { class: 'my-days', 'aria-label': t('myRoster') },
      dates.map((d) => {
        const list = visibleAssignments(byDate?.get(d));
        const weekend = [6, 0].includes(new Date(`${d}T12:00:00Z`).getUTCDay());
        return h(
          'li',
          { class: `my-day${weekend ? ' weekend' : ''}`, dataset: { date: d } },
          h('span', { class: 'my-date' }, formatDay(d)),
          list.length
            ? h(
                'span',
                { class: 'my-posts' },
                list.map((a) =>
                  h(
                    'span',
                    { class: 'my-post' },
                    h('span', { class: `chip tone-${postTone(a.post)}` }, postCode(a.post, lang())),
                    h('span', null, tx('post', a.post)),
                    timeSpan(a.start, a.end) ? h('span', { class: 'time' }, timeSpan(a.start, a.end)) : null,
                    a.communityId ? h('span', { class: 'place' }, this.communityName(a.communityId) ?? a.communityId) : null,
                  ),
                ),
              )
            : h('span', { class: 'muted' }, t('noAssignment')),
        );
      }),
    );
  }

  private renderSide(): void {
    const s = this.session;
    if (!s) return;
    const plan = this.view?.kind === 'plan' ? this.view.plan : null;
    if (!plan || !canReadRoster(s, this.stationId)) {
      replace(this.parts.side);
      replace(this.parts.kpis);
      replace(this.parts.summary);
      this.parts.side.hidden = true;
      return;
    }
    this.parts.side.hidden = false;
    replace(
      this.parts.side,
      renderIssues(plan, this.name, (personId, date) => this.grid?.focusCell(personId, date)),
      renderSuggestions(plan.suggestions, this.name, canRequest(s, this.stationId), this.suggestionState, (sg) => void this.requestSuggestion(sg)),
    );
    const target = this.station?.rules?.weeklyCommunityHours ?? 36;
    replace(this.parts.summary, renderKpiTiles(plan, target));
    replace(this.parts.kpis, renderKpis(plan, target, this.name, this.communityName));
  }

  private renderInbox(): void {
    const s = this.session;
    if (!s || !canReadRequests(s, this.stationId)) {
      replace(this.parts.inbox);
      this.parts.inbox.hidden = true;
      return;
    }
    this.parts.inbox.hidden = false;
    const people = this.people();
    const officers = people.filter((p) => p.community?.dedicated);
    const formKey = `${lang()}|${people.length}|${this.start}`;
    if (!this.form || this.form.key !== formKey)
      this.form = { key: formKey, node: requestForm({ people, officers, defaultFrom: this.start, onCreate: (body) => void this.createRequest(body).then((r) => r && this.form?.node.querySelector('form')?.reset()) }) };
    replace(
      this.parts.inbox,
      renderInbox({
        session: s,
        stationId: this.stationId,
        pending: this.pending,
        decided: this.decided,
        busy: this.inboxBusy,
        name: this.name,
        canRequest: canRequest(s, this.stationId),
        officers,
        people,
        defaultFrom: this.start,
        message: this.inboxMessage,
        onDecide: (r, d, c) => void this.decide(r, d, c),
        onWithdraw: (r) => void this.withdraw(r),
        onCreate: (body) => void this.createRequest(body),
        form: this.form.node,
      }),
    );
  }
}

const enc = encodeURIComponent;

/** The shield of the favicon, drawn inline (no font or request needed). */
function logo(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 32 32');
  svg.setAttribute('class', 'logo');
  svg.setAttribute('aria-hidden', 'true');
  for (const [d, attrs] of [
    ['M16 3l11 4v8c0 7.5-4.8 12.6-11 14.5C9.8 27.6 5 22.5 5 15V7z', { fill: '#fff' }],
    ['M10.5 16l4 4 7-7.5', { fill: 'none', stroke: '#14325c', 'stroke-width': '2.8', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }],
  ] as const) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    for (const [k, v] of Object.entries(attrs)) path.setAttribute(k, v);
    svg.append(path);
  }
  return svg;
}

/** The API error shape as a message: status, code, message and every detail. */
export function errorBox(e: unknown): HTMLElement {
  if (e instanceof ApiError) {
    const title =
      e.status === 403 ? t('errorForbidden') : e.status === 409 ? t('errorConflict') : e.status === 422 ? t('errorRule') : e.status === 400 ? t('errorBadInput') : e.status === 401 ? t('errorAuth') : e.status === 0 ? t('errorNetwork') : t('error');
    return h(
      'div',
      { class: 'alert error', role: 'alert', dataset: { status: String(e.status), code: e.code } },
      h('p', null, h('strong', null, `${title}`), ' ', h('span', { class: 'error-code' }, `${e.status || ''} ${e.code}`.trim()), ' — ', e.message),
      e.details.length ? h('ul', null, e.details.map((d) => h('li', null, h('code', null, d.path), ': ', d.message))) : null,
    );
  }
  return h('div', { class: 'alert error', role: 'alert' }, h('p', null, h('strong', null, t('error')), ' — ', e instanceof Error ? e.message : String(e)));
}

export async function startApp(root: HTMLElement): Promise<App> {
  const app = new App(root);
  await app.boot();
  return app;
}

