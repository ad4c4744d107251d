// The branch's page: every station of the branch in one sortable table (CP-4 share, community weeks at target, A/B
// coverage, shortfalls and published days over the next 28 days, requests waiting for the branch), the branch's totals
// on top (the core's branchTotals), a station opened read-only (roster, shortfalls, requests), and level-1 reinforced
// duty declared for the ticked stations. It loads and keeps its own state.
import { computed, signal } from '@preact/signals';
import { branchTotals } from '../../../shared/branches/summary.ts';
import type { StationSummary } from '../../../shared/domain/branch.ts';
import type { Assignment } from '../../../shared/domain/plan.ts';
import type { Redeployment } from '../../../shared/domain/redeployment.ts';
import { ApiError, json } from '../api.ts';
import { formatDay, formatPercent, lang, t, tx, type MessageKey } from '../i18n.ts';
import { addDays, dateRange, localDate } from '../model.ts';
import { session, whenSignedIn } from '../state.ts';
import { DateInput } from '../ui/date-input.tsx';
import { ErrorBox } from '../ui/errors.tsx';

type SortKey = 'name' | 'people' | 'share' | 'weeks' | 'ab' | 'shortfalls' | 'published' | 'pending';
type Opened = { stationId: string; roster: Assignment[] | null; names: Map<string, string>; requests: Redeployment[] | null; failure: unknown };
type Outcome = { stationId: string; status: 'declared' | 'already' | 'failed'; error?: unknown };

const items = signal<StationSummary[] | null>(null);
const failure = signal<unknown>(null);
const sort = signal<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
const selected = signal<ReadonlySet<string>>(new Set());
const opened = signal<Opened | null>(null);
const period = signal({ from: addDays(localDate(new Date()), 1), to: addDays(localDate(new Date()), 1), note: '' });
const declaring = signal(false);
const outcomes = signal<Outcome[]>([]);

whenSignedIn(() => {
  items.value = null;
  selected.value = new Set();
  opened.value = null;
  outcomes.value = [];
});

const enc = encodeURIComponent;

/** The branch on show: the user's own; admin names one with `?branch=` (default: "default"). */
export function branchOnShow(): string | null {
  const s = session.value;
  if (!s) return null;
  if (s.groups.includes('admin')) return new URLSearchParams(location.search).get('branch') ?? s.branchId ?? 'default';
  return s.branchId ?? null;
}

export async function loadBranch(): Promise<void> {
  const branch = branchOnShow();
  if (!branch) return;
  failure.value = null;
  try {
    const all: StationSummary[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?cursor=${enc(cursor)}` : '';
      const page: { items: StationSummary[]; next: string | null } = await json('GET', `/branches/${enc(branch)}/stations${query}`);
      all.push(...page.items);
      cursor = page.next;
    } while (cursor);
    items.value = all;
  } catch (e) {
    failure.value = e;
    items.value = [];
  }
}

// ---------- sorting: one number (or name) per column ----------

const weeksShare = (s: StationSummary): number => (s.next28.communityWeeks === 0 ? -1 : s.next28.communityWeeksAtTarget / s.next28.communityWeeks);
const SORT_VALUE: Record<SortKey, (s: StationSummary) => number | string> = {
  name: (s) => s.name,
  people: (s) => s.people,
  share: (s) => s.communityOfficerShare,
  weeks: weeksShare,
  ab: (s) => s.next28.abCoverage ?? -1,
  shortfalls: (s) => s.next28.shortfalls,
  published: (s) => s.next28.published,
  pending: (s) => s.pendingForBranch,
};

const sorted = computed(() => {
  const { key, dir } = sort.value;
  const value = SORT_VALUE[key];
  const locale = lang() === 'zh' ? 'zh-CN' : 'en';
  return [...(items.value ?? [])].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, locale) : Number(x) - Number(y);
    return c * dir || a.stationId.localeCompare(b.stationId);
  });
});

function SortHeader({ column, label }: { column: SortKey; label: MessageKey }) {
  const on = sort.value.key === column;
  return (
    <th scope="col" aria-sort={on ? (sort.value.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        class="sort"
        data-sort={column}
        title={t('sortBy', { column: t(label) })}
        onClick={() => (sort.value = { key: column, dir: on ? (sort.value.dir === 1 ? -1 : 1) : column === 'name' ? 1 : -1 })}
      >
        {t(label)}
        <span aria-hidden="true">{on ? (sort.value.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

// ---------- the table and the totals ----------

function Totals() {
  const totals = branchTotals(items.value ?? []);
  const figures: [MessageKey, number][] = [
    ['totalStations', totals.stations],
    ['totalCommunities', totals.communities],
    ['totalOfficers', totals.communityOfficers],
    ['totalAbGroups', totals.abGroups],
    ['totalPending', totals.pendingForBranch],
    ['totalShortfalls', totals.shortfalls],
  ];
  return (
    <dl class="branch-totals">
      {figures.map(([label, n]) => (
        <div class="card" data-total={label}>
          <dt>{t(label)}</dt>
          <dd>{n}</dd>
        </div>
      ))}
    </dl>
  );
}

function toggle(stationId: string): void {
  const next = new Set(selected.value);
  if (next.has(stationId)) next.delete(stationId);
  else next.add(stationId);
  selected.value = next;
}

function Row({ s }: { s: StationSummary }) {
  const below = s.communityOfficerShare + 1e-9 < s.communityOfficerTarget;
  const n = s.next28;
  return (
    <tr data-station={s.stationId} class={opened.value?.stationId === s.stationId ? 'open' : undefined}>
      <td>
        <input type="checkbox" aria-label={`${t('colSelect')} ${s.name}`} checked={selected.value.has(s.stationId)} onChange={() => toggle(s.stationId)} />
      </td>
      <th scope="row">
        <button type="button" class="link" data-open={s.stationId} onClick={() => void openStation(s.stationId)}>
          {s.name}
        </button>
      </th>
      <td data-col="people">{s.people}</td>
      <td data-col="share" class={below ? 'warn' : undefined} title={below ? t('belowTarget', { target: formatPercent(s.communityOfficerTarget) }) : undefined}>
        {t('shareOf', { n: s.communityOfficers, of: s.officers, share: formatPercent(s.communityOfficerShare) })}
      </td>
      <td data-col="weeks">{n.communityWeeks === 0 ? <span class="muted">{t('notPublished')}</span> : `${n.communityWeeksAtTarget} / ${n.communityWeeks}`}</td>
      <td data-col="ab">{n.abCoverage === null ? <span class="muted">{t('notPublished')}</span> : formatPercent(n.abCoverage)}</td>
      <td data-col="shortfalls" class={n.shortfalls > 0 ? 'warn' : undefined}>{n.shortfalls}</td>
      <td data-col="published">{`${n.published} / 28`}</td>
      <td data-col="pending" class={s.pendingForBranch > 0 ? 'warn' : undefined}>{s.pendingForBranch}</td>
      <td data-col="reinforced">{s.reinforcedDuty.map((p) => `${formatDay(p.from)}–${formatDay(p.to)}`).join(lang() === 'zh' ? '；' : '; ')}</td>
    </tr>
  );
}

function StationsTable() {
  return (
    <div class="table-scroll">
      <table class="branch-table">
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">{t('colSelect')}</span>
            </th>
            <SortHeader column="name" label="colStation" />
            <SortHeader column="people" label="colPeople" />
            <SortHeader column="share" label="colShare" />
            <SortHeader column="weeks" label="colWeeks" />
            <SortHeader column="ab" label="colAb" />
            <SortHeader column="shortfalls" label="colShortfalls" />
            <SortHeader column="published" label="colPublished" />
            <SortHeader column="pending" label="colPending" />
            <th scope="col">{t('colReinforced')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.value.map((s) => (
            <Row key={s.stationId} s={s} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------- one station, read only ----------

async function openStation(stationId: string): Promise<void> {
  if (opened.value?.stationId === stationId) {
    opened.value = null;
    return;
  }
  opened.value = { stationId, roster: null, names: new Map(), requests: null, failure: null };
  const today = localDate(new Date());
  try {
    const [station, roster, requests] = await Promise.all([
      json<{ people: { id: string; name: string }[] }>('GET', `/stations/${enc(stationId)}`),
      json<{ assignments: Assignment[] }>('GET', `/stations/${enc(stationId)}/roster?from=${today}&to=${addDays(today, 6)}`),
      json<{ items: Redeployment[] }>('GET', `/stations/${enc(stationId)}/redeployments?status=pending`),
    ]);
    if (opened.value?.stationId !== stationId) return;
    opened.value = { stationId, roster: roster.assignments, names: new Map(station.people.map((p) => [p.id, p.name])), requests: requests.items, failure: null };
  } catch (e) {
    if (opened.value?.stationId === stationId) opened.value = { ...opened.value, failure: e };
  }
}

function RosterWeek({ roster, names }: { roster: Assignment[]; names: Map<string, string> }) {
  const today = localDate(new Date());
  const days = dateRange(today, 7);
  const byPerson = new Map<string, Map<string, Assignment[]>>();
  for (const a of roster) {
    const row = byPerson.get(a.personId) ?? new Map<string, Assignment[]>();
    row.set(a.date, [...(row.get(a.date) ?? []), a]);
    byPerson.set(a.personId, row);
  }
  if (byPerson.size === 0) return <p class="muted">{t('noRoster')}</p>;
  return (
    <div class="table-scroll">
      <table class="kpi-table branch-roster">
        <thead>
          <tr>
            <th scope="col">{t('person')}</th>
            {days.map((d) => (
              <th scope="col">{formatDay(d)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...byPerson].map(([personId, row]) => (
            <tr>
              <th scope="row">{names.get(personId) ?? personId}</th>
              {days.map((d) => (
                <td>{(row.get(d) ?? []).map((a) => tx('post', a.post)).join(' · ')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StationPanel() {
  const o = opened.value;
  if (!o) return null;
  const summary = items.value?.find((s) => s.stationId === o.stationId);
  const name = summary?.name ?? o.stationId;
  const sep = lang() === 'zh' ? '、' : ', ';
  return (
    <section class="panel branch-station" aria-label={t('stationReadOnly', { name })} data-opened={o.stationId}>
      <div class="panel-head">
        <h3>{t('stationReadOnly', { name })}</h3>
        <button type="button" class="ghost" onClick={() => (opened.value = null)}>
          {t('closeStation')}
        </button>
      </div>
      {o.failure ? <ErrorBox error={o.failure} /> : null}
      <h4>{t('stationRoster')}</h4>
      {o.roster === null ? <p class="muted">{t('loading')}</p> : <RosterWeek roster={o.roster} names={o.names} />}
      <h4>{t('stationShortfalls')}</h4>
      {summary && summary.next28.shortfallDays.length > 0 ? (
        <ul class="branch-shortfalls">
          {summary.next28.shortfallDays.map((f) => (
            <li>{`${formatDay(f.date)} · ${f.shift} · ${tx('post', f.post)} · −${f.missing} (${f.rule})`}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('noShortfalls')}</p>
      )}
      <h4>{t('stationRequests')}</h4>
      {o.requests === null ? (
        <p class="muted">{t('loading')}</p>
      ) : o.requests.length === 0 ? (
        <p class="muted">{t('noRequests')}</p>
      ) : (
        <ul class="branch-requests">
          {o.requests.map((r) => {
            const waiting = r.required.includes('branch') && !r.decisions.some((d) => d.role === 'branch');
            return (
              <li data-request={r.id}>
                {`${o.names.get(r.personId) ?? r.personId} · ${tx('post', r.post)} · ${formatDay(r.from)}–${formatDay(r.to)} · ${tx('kind', r.kind)} · ${t('needs', { roles: r.required.map((x) => tx('role', x)).join(sep) })}`}
                {waiting ? <strong class="badge warn">{` ${t('waitsForBranch')}`}</strong> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

// ---------- level-1 reinforced duty for the ticked stations ----------

async function declare(): Promise<void> {
  const ids = [...selected.value];
  if (ids.length === 0) return;
  declaring.value = true;
  const results: Outcome[] = [];
  const { from, to, note } = period.value;
  for (const stationId of ids) {
    try {
      const answer = await json<{ period: unknown; version: number }>('POST', `/stations/${enc(stationId)}/reinforced-duty`, { from, to, ...(note ? { note } : {}) });
      // 200 answers the same period declared before (nothing changed); the API says so by not raising the version.
      const before = items.value?.find((s) => s.stationId === stationId)?.reinforcedDuty.some((p) => p.from === from && p.to === to);
      results.push({ stationId, status: before ? 'already' : 'declared' });
      void answer;
    } catch (e) {
      results.push({ stationId, status: 'failed', error: e });
    }
  }
  outcomes.value = results;
  declaring.value = false;
  await loadBranch();
}

function DeclareForm() {
  const n = selected.value.size;
  const name = (id: string) => items.value?.find((s) => s.stationId === id)?.name ?? id;
  return (
    <section class="panel branch-declare">
      <h3>{t('declareTitle')}</h3>
      <p class="muted">{t('declareHint')}</p>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void declare();
        }}
      >
        <label htmlFor="reinforced-from">
          {t('from')}
          <DateInput id="reinforced-from" value={period.value.from} onChange={(v: string) => (period.value = { ...period.value, from: v })} name="reinforced-from" />
        </label>
        <label htmlFor="reinforced-to">
          {t('to')}
          <DateInput id="reinforced-to" value={period.value.to} onChange={(v: string) => (period.value = { ...period.value, to: v })} name="reinforced-to" />
        </label>
        <label>
          {t('declareNote')}
          <input type="text" name="reinforced-note" maxLength={500} value={period.value.note} onInput={(e) => (period.value = { ...period.value, note: (e.target as HTMLInputElement).value })} />
        </label>
        <button type="submit" class="primary" disabled={n === 0 || declaring.value}>
          {declaring.value ? t('declaring') : t('declareFor', { n })}
        </button>
      </form>
      {n === 0 ? <p class="muted">{t('declareNoneSelected')}</p> : null}
      {outcomes.value.length > 0 ? (
        <ul class="declare-outcomes" aria-live="polite">
          {outcomes.value.map((o) => (
            <li data-outcome={o.status} data-station={o.stationId}>
              {t(o.status === 'declared' ? 'declared' : o.status === 'already' ? 'declaredAlready' : 'declareFailed', { station: name(o.stationId) })}
              {o.error instanceof ApiError ? <ErrorBox error={o.error} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function BranchScreen() {
  const branch = branchOnShow();
  if (!branch) return <p class="muted">{t('branchNone')}</p>;
  if (items.value === null && failure.value === null) void loadBranch();
  return (
    <section class="branch-screen" aria-labelledby="branch-title">
      <div class="panel-head">
        <h2 id="branch-title">{t('branchTitle', { branch })}</h2>
        <button type="button" onClick={() => void loadBranch()}>
          {t('reload')}
        </button>
      </div>
      <p class="muted">{t('branchIntro')}</p>
      {failure.value ? <ErrorBox error={failure.value} /> : null}
      {items.value === null ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <Totals />
          {items.value.length === 0 ? <p class="muted">{t('branchEmpty')}</p> : <StationsTable />}
          <StationPanel />
          <DeclareForm />
        </>
      )}
    </section>
  );
}
