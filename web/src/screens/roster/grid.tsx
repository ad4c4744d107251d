// The roster grid: people as rows (grouped), days as columns, one short coloured code per cell.
// ARIA grid with a roving tabindex: one cell is in the tab order, the arrow keys move focus, and the focused cell's
// details are read from a live region. Focus moves touch the DOM directly so that 1 800 cells are not re-rendered on
// every key press.
import type { Ref } from 'preact';
import { useEffect, useImperativeHandle, useRef } from 'preact/hooks';
import { holidayLabel } from '../../../../shared/calendar/index.ts';
import type { Assignment, Shortfall, Violation } from '../../../../shared/domain/plan.ts';
import type { Person } from '../../../../shared/domain/station.ts';
import { formatDay, lang, t, tx, weekdayShort } from '../../i18n.ts';
import { loadCalendar, officialCalendar } from '../../calendar.ts';
import type { Refusal } from '../../daytoday-state.ts';
import { timeSpan, visibleAssignments, type CellMarks, type RowGroup } from '../../model.ts';
import { ruleTitle } from './panels.tsx';
import { postCode, postTone } from '../../posts.ts';

export type GridHandle = { focusCell(personId: string, date: string): void };

type Props = {
  groups: RowGroup[];
  dates: string[];
  index: Map<string, Map<string, Assignment[]>>;
  violations: Map<string, Violation[]>;
  shortfalls: Map<string, Shortfall[]>;
  communityName: (id: string) => string | undefined;
  /** Where the focused cell's details are written (an aria-live region). */
  liveId: string;
  handle?: Ref<GridHandle>;
  /** Recorded absences and pins per `personId|date` (leaders); shown as marks on the cells. */
  marks?: Map<string, CellMarks>;
  /** A pin the API refused: its rule and sentence are shown at that cell. */
  refused?: Refusal | null;
  /** A leader's actions on a cell (mark absent, pin): a click, Enter or Space on the cell. */
  onCell?: (personId: string, date: string) => void;
  /** Cells a re-plan on show would change (`personId|date`): highlighted. */
  changed?: Set<string>;
};

const isWork = (a: Assignment) => a.post !== 'rest' && a.post !== 'absent';

function groupLabel(g: RowGroup, communityName: (id: string) => string | undefined): string {
  switch (g.kind) {
    case 'leadership':
      return t('leadership');
    case 'group':
      return t('dutyGroup', { id: g.id });
    case 'community': {
      const name = communityName(g.id);
      return name ? t('communityNamed', { id: g.id, name }) : t('community', { id: g.id });
    }
    case 'auxiliaries':
      return t('auxiliaries');
    default:
      return t('others');
  }
}

export function describeAssignment(a: Assignment, communityName: (id: string) => string | undefined): string {
  const parts = [`${postCode(a.post, lang())} ${tx('post', a.post)}`];
  if (isWork(a)) {
    const span = timeSpan(a.start, a.end);
    if (span) parts.push(span);
    parts.push(t('hours', { h: a.hours }));
    const place = a.communityId ? `${tx('place', a.place)} ${a.communityId}${communityName(a.communityId) ? ` ${communityName(a.communityId)}` : ''}` : tx('place', a.place);
    if (place) parts.push(place);
  }
  if (a.callIn) parts.push(t('callIn'));
  if (a.redeploymentId) parts.push(`${t('redeployed')} ${a.redeploymentId}`);
  if (a.reinforcedDuty) parts.push(t('reinforced'));
  return parts.join(', ');
}

const personLabel = (p: Person) => `${p.name} (${p.id})`;

export function RosterGrid({ groups, dates, index, violations, shortfalls, communityName, liveId, handle, marks, refused, onCell, changed }: Props) {
  const table = useRef<HTMLTableElement>(null);
  const focused = useRef<[number, number]>([0, 0]);
  const rows: Person[] = groups.flatMap((g) => g.people);
  const rowOf = new Map(rows.map((p, i) => [p.id, i]));

  const cellAt = (r: number, c: number) => table.current?.querySelector<HTMLElement>(`tr[data-row="${r}"] > td[data-col="${c}"]`) ?? null;
  const move = (r: number, c: number, focus = true) => {
    if (!rows.length) return;
    r = Math.max(0, Math.min(rows.length - 1, r));
    c = Math.max(0, Math.min(dates.length - 1, c));
    const [or, oc] = focused.current;
    const old = cellAt(or, oc);
    if (old) old.tabIndex = -1;
    const next = cellAt(r, c);
    if (!next) return;
    next.tabIndex = 0;
    focused.current = [r, c];
    if (focus) next.focus({ preventScroll: false });
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  useImperativeHandle(handle ?? null, () => ({
    focusCell(personId, date) {
      const r = rowOf.get(personId);
      const c = dates.indexOf(date);
      if (r !== undefined && c >= 0) move(r, c);
    },
  }));

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'gridcell') return;
    const [r, c] = focused.current;
    if (onCell && (e.key === 'Enter' || e.key === ' ')) {
      const person = rows[r];
      const date = dates[c];
      if (person && date) onCell(person.id, date);
      e.preventDefault();
      return;
    }
    const moves: Record<string, () => void> = {
      ArrowRight: () => move(r, c + 1),
      ArrowLeft: () => move(r, c - 1),
      ArrowDown: () => move(r + 1, c),
      ArrowUp: () => move(r - 1, c),
      Home: () => move(e.ctrlKey ? 0 : r, 0),
      End: () => move(e.ctrlKey ? rows.length - 1 : r, dates.length - 1),
      PageDown: () => move(r + 10, c),
      PageUp: () => move(r - 10, c),
    };
    const fn = moves[e.key];
    if (!fn) return;
    fn();
    e.preventDefault();
  };
  const onFocusIn = (e: FocusEvent) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('td[role="gridcell"]');
    if (!cell) return;
    const r = Number((cell.parentElement as HTMLElement).dataset.row);
    const c = Number(cell.dataset.col);
    if (focused.current[0] !== r || focused.current[1] !== c) move(r, c, false);
    const live = document.getElementById(liveId);
    if (live) live.textContent = cell.dataset.details ?? '';
  };

  // CAL-3: the official calendar of the shown dates, for the day headers (holidays, make-up working days).
  const first = dates[0];
  const last = dates[dates.length - 1];
  useEffect(() => {
    if (first && last) void loadCalendar(first, last);
  }, [first, last]);
  const calendar = officialCalendar.value;
  const restDay = (d: string) => !calendar.isWorkday(d);

  let r = -1;
  return (
    <div class="grid-scroll">
      <table role="grid" aria-label={t('roster')} class="roster-grid" aria-describedby="roster-caption" ref={table} onKeyDown={onKeyDown} onFocusIn={onFocusIn}>
        <thead>
          <tr role="row">
            <th role="columnheader" scope="col" class="corner">
              {t('person')}
            </th>
            {dates.map((d) => {
              const short = shortfalls.get(d) ?? [];
              const missing = short.reduce((n, s) => n + s.missing, 0);
              const day = calendar.day(d);
              const mark = day.holiday ? holidayLabel(day.holiday, lang()) : day.makeUpWorkday ? t('makeUpDay') : null;
              const title = [formatDay(d, 'long') + (mark ? ` · ${mark}` : ''), ...short.map((s) => `${s.rule}: ${tx('post', s.post)} ${t('missing', { n: s.missing })} — ${s.message}`)].join('\n');
              return (
                <th role="columnheader" scope="col" class={`day${restDay(d) ? ' weekend' : ''}${day.holiday ? ' holiday' : ''}${day.makeUpWorkday ? ' makeup' : ''}${missing ? ' short' : ''}`} title={title} data-date={d} {...(day.holiday ? { 'data-holiday': day.holiday } : {})}>
                  <span class="wd">{weekdayShort(d)}</span>
                  <span class="dn">{String(Number(d.slice(8, 10)))}</span>
                  {mark ? <span class={day.holiday ? 'cal-mark holiday-name' : 'cal-mark makeup-mark'}>{day.holiday ? mark : t('makeUpShort')}</span> : null}
                  {missing ? (
                    <span class="short-badge" aria-label={`${t('shortfalls')}: ${missing}`}>
                      −{missing}
                    </span>
                  ) : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => [
            <tr role="row" class={`group-row kind-${g.kind}`} key={`g:${g.key}`}>
              <th role="rowheader" scope="rowgroup" colSpan={dates.length + 1} class="group-label">
                <span class="group-inner">
                  <span>{groupLabel(g, communityName)}</span>
                  <span class="count">{String(g.people.length)}</span>
                </span>
              </th>
            </tr>,
            ...g.people.map((p) => {
              r += 1;
              const row = r;
              const byDate = index.get(p.id);
              const ab = p.community ? p.community.role : null;
              const abLong = ab === 'A' ? t('roleALong') : t('roleBLong');
              return (
                <tr role="row" data-person-id={p.id} data-row={row} key={`p:${p.id}`}>
                  <th role="rowheader" scope="row" class="who" title={`${personLabel(p)} · ${tx('role', p.rank)}${p.group ? ` · ${p.group}` : ''}${p.community ? ` · ${p.community.id} ${abLong}` : ''}`}>
                    <span class="name">{p.name}</span>
                    <span class="pid">{p.id}</span>
                    {ab ? (
                      <span class={`ab ab-${ab}`} aria-label={abLong}>
                        {ab}
                      </span>
                    ) : null}
                  </th>
                  {dates.map((d, c) => {
                    const list = visibleAssignments(byDate?.get(d));
                    const all = byDate?.get(d) ?? [];
                    const vs = violations.get(`${p.id}|${d}`) ?? [];
                    const hard = vs.some((v) => v.severity === 'hard');
                    const main = list[0];
                    const code = list.length ? list.map((a) => postCode(a.post, lang())).join('+') : '·';
                    const lines = [`${personLabel(p)} — ${formatDay(d, 'long')}`, ...(list.length ? list.map((a) => describeAssignment(a, communityName)) : [t('noAssignment')]), ...vs.map((v) => `${v.rule} (${tx('severity', v.severity)}): ${v.message}`)];
                    const cls = ['cell', `tone-${main ? postTone(main.post) : 'none'}`];
                    if (restDay(d)) cls.push('weekend');
                    if (vs.length) cls.push(hard ? 'mark-hard' : 'mark-soft');
                    if (all.some((a) => a.callIn)) cls.push('call-in');
                    if (all.some((a) => a.redeploymentId)) cls.push('redeployed');
                    if (all.some((a) => a.reinforcedDuty)) cls.push('reinforced');
                    if (list.length > 1) cls.push('multi');
                    const mark = marks?.get(`${p.id}|${d}`);
                    if (mark?.pin) {
                      cls.push('pinned');
                      lines.push(t('pinMark', { post: tx('post', mark.pin.post) }));
                    }
                    if (mark?.absence) {
                      cls.push('absence-recorded');
                      lines.push(t('absenceMark', { reason: tx('reason', mark.absence.reason), from: formatDay(mark.absence.from), to: formatDay(mark.absence.to) }));
                    }
                    const refusal = refused && refused.personId === p.id && refused.date === d ? refused : null;
                    if (refusal) cls.push('pin-refused');
                    if (changed?.has(`${p.id}|${d}`)) cls.push('replan-changed');
                    if (onCell) cls.push('actionable');
                    const [fr, fc] = focused.current;
                    return (
                      <td
                        role="gridcell"
                        class={cls.join(' ')}
                        tabIndex={row === fr && c === fc ? 0 : -1}
                        title={lines.join('\n')}
                        data-date={d}
                        data-col={c}
                        data-details={lines.join(' · ')}
                        {...(mark?.pin ? { 'data-pin-id': mark.pin.id } : {})}
                        {...(mark?.absence ? { 'data-absence': mark.absence.reason } : {})}
                        {...(onCell ? { 'aria-haspopup': 'dialog' as const, onClick: () => onCell(p.id, d) } : {})}
                      >
                        {code}
                        {refusal ? (
                          <span class="cell-refusal" role="alert" data-rule={refusal.rule}>
                            <span class="rule-chip sev-hard">{refusal.rule}</span> <strong>{t('pinRefused', { title: ruleTitle(refusal.rule) })}</strong>
                            <span class="cell-refusal-text">{refusal.message}</span>
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            }),
          ])}
        </tbody>
      </table>
    </div>
  );
}

/** The legend of post codes and markers. */
export function Legend({ posts, markers = true }: { posts: readonly string[]; markers?: boolean }) {
  const item = (chip: string, label: string, text = '') => (
    <span class="legend-item">
      <span class={`chip ${chip}`}>{text}</span>
      {label}
    </span>
  );
  return (
    <fieldset class="legend" aria-label={t('legend')}>
      <span class="legend-title">{t('legend')}</span>
      {posts.map((p) => item(`tone-${postTone(p)}`, tx('post', p), postCode(p, lang())))}
      {item('swatch-weekend', t('weekend'))}
      {item('swatch-holiday', t('holidayLegend'))}
      {item('swatch-makeup', t('makeUpLegend'), t('makeUpShort'))}
      {markers ? (
        <>
          {item('tone-none mark-hard', t('hardMark'))}
          {item('tone-none mark-soft', t('softMark'))}
          {item('short-badge', t('shortMark'), '−n')}
          {item('tone-none call-in', t('callIn'))}
          {item('tone-none redeployed', t('redeployed'))}
          {item('tone-none pinned', t('pinLegend'))}
          {item('tone-none absence-recorded', t('absenceLegend'))}
        </>
      ) : null}
    </fieldset>
  );
}
