// The roster screen: dates, plan and publish, exports, the grid (or an officer's own days), shortfalls and rule
// breaks, suggestions, key figures and the approvals inbox.
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Plan, PlanJob, Suggestion } from '../../../../shared/domain/plan.ts';
import type { Roster } from '../../../../shared/domain/roster.ts';
import { ApiError, apiUrl, download, json } from '../../api.ts';
import { formatDay, lang, t, tx } from '../../i18n.ts';
import {
  addDays,
  cellMarks,
  canManageAbsences,
  canManagePins,
  canPlan,
  canReadRequests,
  canReadRoster,
  canRequest,
  dateRange,
  groupPeople,
  indexAssignments,
  isWeekend,
  localDate,
  nextMonday,
  placeholderPerson,
  shortfallIndex,
  timeSpan,
  violationIndex,
  visibleAssignments,
  type Session,
} from '../../model.ts';
import { legendPosts, postCode, postTone } from '../../posts.ts';
import { communityName, people, personName, session, station, directory, stationId, whenSignedIn } from '../../state.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorBox, Notice } from '../../ui/errors.tsx';
import { Inbox, createRequest, loadInbox } from '../approvals.tsx';
import { absences, loadMarks, marksChanged, ownDaysChanged, pins, refusal, replanChanged, rosterChanged, target } from '../../daytoday-state.ts';
import { CellActions } from './cell-actions.tsx';
import { Legend, RosterGrid, type GridHandle } from './grid.tsx';
import { Issues, KpiTiles, Kpis, PlanQuality, Suggestions, suggestionKey, type SuggestionState } from './panels.tsx';
import { PlanJobCard, type ProgressPoint } from './job.tsx';

type View = { kind: 'plan'; plan: Plan } | { kind: 'roster'; from: string; to: string; assignments: Roster['assignments'] } | null;
type Flash = { kind: 'info' | 'failed'; text: string } | { kind: 'error'; error: unknown } | null;

const planKey = (id: string) => `roster.plan.${id}`;
const enc = encodeURIComponent;

const view = signal<View>(null);
const start = signal(nextMonday(localDate(new Date())));
const days = signal(28);
const busy = signal<'plan' | 'publish' | null>(null);
const flash = signal<Flash>(null);
const suggestionState = signal<SuggestionState>(new Map());
/** The plan being made (a planning job), its progress readings for the chart, and whether a cancel is on its way. */
const job = signal<PlanJob | null>(null);
const jobPoints = signal<ProgressPoint[]>([]);
const cancelling = signal(false);
/** How often the page reads a job's progress (the job writes it about every second). */
const POLL_MS = 1000;
/** On sign-in, show the station's last plan again (its id is kept in localStorage). */
let restorePlan = false;
/** The day-to-day publication the view was last re-read for (coming back to the screen does not re-read it). */
let publicationShown = 0;
/** Set once the screen has loaded for this sign-in (coming back to the screen keeps what is on show). */
let loadedFor: Session | null = null;

whenSignedIn((s) => {
  const today = localDate(new Date());
  start.value = canPlan(s, s.stationId ?? stationId.value) ? nextMonday(today) : today;
  days.value = 28;
  view.value = null;
  flash.value = null;
  job.value = null;
  restorePlan = true;
  loadedFor = null;
});

const showError = (error: unknown) => {
  flash.value = { kind: 'error', error };
};

async function loadView(): Promise<void> {
  const s = session.value;
  if (!s) return;
  const id = stationId.value;
  const savedPlan = restorePlan && canReadRoster(s, id) ? localStorage.getItem(planKey(id)) : null;
  restorePlan = false;
  try {
    const saved = savedPlan ? await json<Plan | PlanJob>('GET', `/stations/${enc(id)}/plans/${enc(savedPlan)}`) : null;
    if (saved && !isJob(saved)) {
      view.value = { kind: 'plan', plan: saved };
      start.value = saved.start;
      days.value = saved.days;
    } else if (saved?.status === 'failed') {
      localStorage.removeItem(planKey(id));
      return loadView();
    } else if (saved?.status === 'solving') {
      // A plan still being made when the page was left: follow it again.
      start.value = saved.start;
      days.value = saved.days;
      void followJob(saved);
      return loadView();
    } else if (canReadRoster(s, id) || s.stationId === id) {
      const from = start.value;
      const to = addDays(from, days.value - 1);
      const mine = !canReadRoster(s, id);
      const roster = await json<Roster>('GET', `/stations/${enc(id)}/roster?${new URLSearchParams({ from, to, ...(mine ? { personId: s.sub } : {}) })}`);
      view.value = { kind: 'roster', from, to, assignments: roster.assignments };
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && savedPlan) {
      // The plan is gone (a fresh local database): show the published roster instead.
      localStorage.removeItem(planKey(id));
      return loadView();
    }
    showError(e);
  }
}

/** Re-reads the view of the dates on screen unless a plan is on show. */
function onRange(): void {
  if (view.value?.kind !== 'plan') {
    view.value = null;
    void loadView();
  }
}

const isJob = (p: Plan | PlanJob): p is PlanJob => p.status === 'solving' || p.status === 'failed';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function showPlan(plan: Plan): void {
  view.value = { kind: 'plan', plan };
  suggestionState.value = new Map();
  localStorage.setItem(planKey(stationId.value), plan.id);
  const figures = { id: plan.id, shortfalls: plan.shortfalls.length, violations: plan.violations.length };
  flash.value = { kind: 'info', text: plan.stoppedEarly ? t('jobStopped', figures) : t('planCreated', figures) };
}

/** Plans as a job ("wait": false): the page stays usable and shows the progress, and the leader may stop it. */
async function createPlan(): Promise<void> {
  busy.value = 'plan';
  flash.value = null;
  try {
    const made = await json<Plan | PlanJob>('POST', `/stations/${enc(stationId.value)}/plans`, { start: start.value, days: days.value, wait: false });
    if (isJob(made)) await followJob(made);
    else showPlan(made);
  } catch (e) {
    showError(e);
  } finally {
    busy.value = null;
  }
}

/** Reads the job about every second until it is a draft (shown) or failed (said). */
async function followJob(first: PlanJob): Promise<void> {
  const station = stationId.value;
  job.value = first;
  jobPoints.value = [first.progress];
  localStorage.setItem(planKey(station), first.id);
  let current: Plan | PlanJob = first;
  try {
    while (isJob(current) && current.status === 'solving') {
      await sleep(POLL_MS);
      // Signed out, or another job took the screen: stop reading this one.
      if (job.value?.id !== first.id || stationId.value !== station) return;
      current = await json<Plan | PlanJob>('GET', `/stations/${enc(station)}/plans/${enc(first.id)}`);
      if (isJob(current)) {
        job.value = current;
        jobPoints.value = [...jobPoints.value, current.progress];
      }
    }
  } finally {
    if (job.value?.id === first.id) job.value = null;
  }
  if (isJob(current)) flash.value = { kind: 'failed', text: t('jobFailed', { message: current.failure?.message ?? '' }) };
  else showPlan(current);
}

/** Stops the job keeping its best plan; the job's next read shows the draft. */
async function cancelJob(): Promise<void> {
  const running = job.value;
  if (!running) return;
  cancelling.value = true;
  try {
    await json<Plan | PlanJob>('POST', `/stations/${enc(stationId.value)}/plans/${enc(running.id)}/cancel`);
  } catch (e) {
    showError(e);
  } finally {
    cancelling.value = false;
  }
}

async function publish(): Promise<void> {
  const v = view.value;
  if (v?.kind !== 'plan') return;
  busy.value = 'publish';
  try {
    const published = await json<Plan>('POST', `/stations/${enc(stationId.value)}/plans/${enc(v.plan.id)}/publish`, { version: v.plan.version });
    view.value = { kind: 'plan', plan: published };
    flash.value = { kind: 'info', text: t('planPublishedMsg', { id: v.plan.id }) };
  } catch (e) {
    showError(e);
  } finally {
    busy.value = null;
  }
}

async function requestSuggestion(sg: Suggestion): Promise<void> {
  const key = suggestionKey(sg);
  suggestionState.value = new Map(suggestionState.value).set(key, { busy: true });
  const created = await createRequest({ personId: sg.personId, post: sg.post, from: sg.from, to: sg.to, kind: sg.post === 'routine-duty' ? 'routine-duty' : 'duty', reason: sg.why.slice(0, 2000) });
  suggestionState.value = new Map(suggestionState.value).set(key, created ? { id: created.id } : {});
}

function rosterTitle(s: Session): string {
  const v = view.value;
  if (!canReadRoster(s, stationId.value)) return t('myRoster');
  if (v?.kind === 'plan') return v.plan.status === 'draft' ? t('planDraft') : v.plan.status === 'published' ? t('planPublished') : t('planSuperseded');
  return t('publishedRoster');
}

function Exports({ s }: { s: Session }) {
  if (s.stationId !== stationId.value) return null;
  const from = start.value;
  const to = addDays(from, days.value - 1);
  const whole = canReadRoster(s, stationId.value);
  const base = `/stations/${enc(stationId.value)}/roster`;
  const csvPath = `${base}?${new URLSearchParams({ from, to, format: 'csv', ...(whole ? {} : { personId: s.sub }) })}`;
  const icsPath = `${base}?${new URLSearchParams({ from, to, format: 'ics', personId: s.sub })}`;
  const link = (path: string, label: string, file: string) => (
    <a
      href={apiUrl(path)}
      class="button secondary export"
      download={file}
      onClick={(e) => {
        e.preventDefault();
        download(path, file).catch(showError);
      }}
    >
      {label}
    </a>
  );
  return (
    <fieldset class="exports" aria-label={t('exports')}>
      <span class="label">{t('exports')}</span>
      {link(csvPath, t('csv'), `roster-${stationId.value}-${from}-${to}.csv`)}
      {link(icsPath, t('calendar'), `roster-${stationId.value}-${s.sub}.ics`)}
    </fieldset>
  );
}

function Controls({ s }: { s: Session }) {
  const planner = canPlan(s, stationId.value);
  const member = s.stationId === stationId.value;
  if (!planner && !member) return <p class="muted">{`${t('station')}: ${stationId.value}`}</p>;
  const v = view.value;
  const plan = v?.kind === 'plan' ? v.plan : null;
  return (
    <>
      <div class="range">
        <div class="field">
          <label for="plan-start">{t('start')}</label>
          <DateInput
            id="plan-start"
            value={start.value}
            required
            onChange={(d) => {
              start.value = d;
              onRange();
            }}
          />
        </div>
        <div class="field narrow">
          <label for="plan-days">{t('days')}</label>
          <input
            id="plan-days"
            type="number"
            min={1}
            max={92}
            value={String(days.value)}
            required
            onChange={(e) => {
              const n = Number((e.target as HTMLInputElement).value);
              if (Number.isInteger(n) && n >= 1 && n <= 92) {
                days.value = n;
                onRange();
              }
            }}
          />
        </div>
        {planner ? (
          <>
            <button type="button" class="primary" disabled={busy.value !== null || job.value !== null} onClick={() => void createPlan()}>
              {busy.value === 'plan' || job.value !== null ? t('creating') : t('createPlan')}
            </button>
            <button type="button" class="secondary" disabled={busy.value !== null || job.value !== null || plan?.status !== 'draft'} onClick={() => void publish()}>
              {busy.value === 'publish' ? t('publishing') : t('publish')}
            </button>
          </>
        ) : null}
      </div>
      {plan ? (
        <p class="plan-status">
          <span class={`status-badge plan-${plan.status}`}>{plan.status === 'draft' ? t('planDraft') : plan.status === 'published' ? t('planPublished') : t('planSuperseded')}</span>
          <code>{plan.id}</code>
          <span>{`v${plan.version}`}</span>
          <button
            type="button"
            class="link-button"
            onClick={() => {
              view.value = null;
              flash.value = null;
              void loadView();
            }}
          >
            {t('showPublished')}
          </button>
        </p>
      ) : null}
      <Exports s={s} />
      {plan && (plan.needsReplan ?? []).length ? (
        <p class="alert warn replan" role="status">
          {t('needsReplan', { n: plan.needsReplan.length, dates: plan.needsReplan.slice(0, 5).map((d) => formatDay(d)).join(lang() === 'zh' ? '、' : ', ') + (plan.needsReplan.length > 5 ? ' …' : '') })}
        </p>
      ) : null}
    </>
  );
}

/** An officer's own days as a compact list (the phone view). */
function MyDays({ dates, byDate }: { dates: string[]; byDate: Map<string, Roster['assignments']> | undefined }) {
  return (
    <ol class="my-days" aria-label={t('myRoster')}>
      {dates.map((d) => {
        const list = visibleAssignments(byDate?.get(d));
        return (
          <li class={`my-day${isWeekend(d) ? ' weekend' : ''}`} data-date={d}>
            <span class="my-date">{formatDay(d)}</span>
            {list.length ? (
              <span class="my-posts">
                {list.map((a) => (
                  <span class="my-post">
                    <span class={`chip tone-${postTone(a.post)}`}>{postCode(a.post, lang())}</span>
                    <span>{tx('post', a.post)}</span>
                    {timeSpan(a.start, a.end) ? <span class="time">{timeSpan(a.start, a.end)}</span> : null}
                    {a.communityId ? <span class="place">{communityName(a.communityId) ?? a.communityId}</span> : null}
                  </span>
                ))}
              </span>
            ) : (
              <span class="muted">{t('noAssignment')}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function RosterCard({ s }: { s: Session }) {
  const grid = useRef<GridHandle>(null);
  const v = view.value;
  const leader = canReadRoster(s, stationId.value);
  // The day-to-day marks (absences, pins) of the dates on show, for those who record them.
  const acts = canManageAbsences(s, stationId.value) || canManagePins(s, stationId.value);
  const shownFrom = v ? (v.kind === 'plan' ? v.plan.start : v.from) : null;
  const shownDays = v ? (v.kind === 'plan' ? v.plan.days : days.value) : 0;
  useEffect(() => {
    if (acts && shownFrom) loadMarks(stationId.value, shownFrom, addDays(shownFrom, shownDays - 1)).catch(showError);
  }, [acts, shownFrom, shownDays, marksChanged.value]);
  const heading = <h2 id="roster-title">{rosterTitle(s)}</h2>;
  if (!v)
    return (
      <section class="card roster" id="roster" aria-labelledby="roster-title" aria-busy={busy.value === 'plan' ? 'true' : undefined}>
        {heading}
        <p class="muted">{busy.value === 'plan' ? t('creating') : t('loading')}</p>
      </section>
    );
  const from = v.kind === 'plan' ? v.plan.start : v.from;
  const dates = v.kind === 'plan' ? dateRange(v.plan.start, v.plan.days) : dateRange(v.from, days.value);
  const assignments = v.kind === 'plan' ? v.plan.assignments : v.assignments;
  if (leader && v.kind === 'roster' && assignments.length === 0)
    return (
      <section class="card roster" id="roster" aria-labelledby="roster-title">
        {heading}
        <p class="empty">{t('noPlanYet')}</p>
      </section>
    );
  const everyone = people.value;
  const shown = leader ? everyone : [everyone.find((p) => p.id === s.sub) ?? placeholderPerson(s.sub)];
  const known = new Set(shown.map((p) => p.id));
  const extra = leader ? [...new Set(assignments.map((a) => a.personId))].filter((id) => !known.has(id)).map(placeholderPerson) : [];
  const st = station.value ?? directory.value;
  const groups = groupPeople({ people: [...shown, ...extra], groups: st?.groups ?? [], communities: st?.communities ?? [] });
  const index = indexAssignments(assignments);
  const plan = v.kind === 'plan' ? v.plan : null;
  const last = dates[dates.length - 1] ?? from;
  const caption = leader ? t('rosterCaption', { from: formatDay(from), to: formatDay(last), people: shown.length + extra.length }) : `${formatDay(from)} – ${formatDay(last)}`;
  return (
    <>
      <section class="card roster" id="roster" aria-labelledby="roster-title" aria-busy={busy.value === 'plan' ? 'true' : undefined}>
        <div class="roster-head">
          {heading}
          <p id="roster-caption" class="caption">
            {caption}
          </p>
        </div>
        <Legend posts={legendPosts(assignments.map((a) => a.post))} markers={leader} />
        {leader ? null : <MyDays dates={dates} byDate={index.get(s.sub)} />}
        <div class={leader ? 'grid-wrap' : 'grid-wrap wide-only'}>
          <RosterGrid
            key={`${from}|${dates.length}`}
            handle={grid}
            groups={groups}
            dates={dates}
            index={index}
            violations={violationIndex(plan?.violations ?? [])}
            shortfalls={shortfallIndex(plan?.shortfalls ?? [])}
            communityName={communityName}
            liveId="cell-details"
            {...(acts
              ? {
                  marks: cellMarks(pins.value, absences.value, dates),
                  refused: refusal.value,
                  changed: replanChanged.value,
                  onCell: (personId: string, date: string) => {
                    if (refusal.value && (refusal.value.personId !== personId || refusal.value.date !== date)) refusal.value = null;
                    target.value = { personId, date };
                  },
                }
              : {})}
          />
        </div>
        {acts ? <CellActions /> : null}
        <p id="cell-details" class="cell-details" aria-live="polite" aria-atomic="true">
          {t('cellDetailsEmpty')}
        </p>
        {!leader && assignments.length === 0 ? <p class="empty">{t('noRoster')}</p> : null}
      </section>
      {plan && leader ? (
        <div class="columns">
          <div class="side" id="side">
            <Issues plan={plan} name={personName} onShow={(p, d) => grid.current?.focusCell(p, d)} />
            <Suggestions suggestions={plan.suggestions} name={personName} canRequest={canRequest(s, stationId.value)} state={suggestionState.value} onRequest={(sg) => void requestSuggestion(sg)} />
          </div>
          {canReadRequests(s, stationId.value) ? <Inbox defaultFrom={start.value} /> : null}
        </div>
      ) : null}
    </>
  );
}

export function RosterScreen() {
  const s = session.value;
  useEffect(() => {
    if (!s || loadedFor === s) return;
    loadedFor = s;
    void loadView();
    if (canReadRequests(s, stationId.value)) void loadInbox();
  }, [s]);
  // A publication from the day-to-day panel (a re-plan, a swap): show the published roster of the dates on screen.
  const published = rosterChanged.value;
  useEffect(() => {
    if (published === publicationShown) return;
    publicationShown = published;
    const v = view.value;
    if (v?.kind === 'plan') {
      start.value = v.plan.start;
      days.value = v.plan.days;
    }
    view.value = null;
    void loadView();
  }, [published]);
  // A notice says one's own days changed: the published roster on show is read again (a plan on show stays).
  const ownDays = ownDaysChanged.value;
  useEffect(() => {
    if (ownDays && view.value?.kind === 'roster') void loadView();
  }, [ownDays]);
  if (!s) return null;
  const wide = canReadRoster(s, stationId.value);
  const v = view.value;
  const plan = v?.kind === 'plan' && wide ? v.plan : null;
  const target = (station.value ?? directory.value)?.rules?.weeklyCommunityHours ?? 36;
  const f = flash.value;
  const showsRoster = s.stationId === stationId.value || wide;
  return (
    <>
      <section class="card controls" id="controls">
        <Controls s={s} />
      </section>
      <div id="flash" class="flash-area">
        {f ? f.kind === 'error' ? <ErrorBox error={f.error} /> : <Notice kind={f.kind === 'failed' ? 'error' : 'info'} text={f.text} /> : null}
      </div>
      {job.value ? <PlanJobCard job={job.value} points={jobPoints.value} cancelling={cancelling.value} onCancel={() => void cancelJob()} /> : null}
      {plan ? <KpiTiles plan={plan} target={target} /> : null}
      {plan ? <PlanQuality plan={plan} /> : null}
      {showsRoster ? <RosterCard s={s} /> : null}
      {!plan && canReadRequests(s, stationId.value) ? (
        <div class="columns">
          <Inbox defaultFrom={start.value} />
        </div>
      ) : null}
      {plan ? <Kpis plan={plan} target={target} name={personName} communityName={communityName} /> : null}
    </>
  );
}
