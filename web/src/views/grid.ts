// The roster grid: people as rows (grouped), days as columns, one short coloured code per cell.
// ARIA grid with a roving tabindex: one cell is in the tab order, the arrow keys move focus, and the focused cell's
// details are read from a live region.
import type { Assignment, Shortfall, Violation } from '../../../shared/domain/plan.ts';
import type { Person } from '../../../shared/domain/station.ts';
import { h } from '../dom.ts';
import { formatDay, lang, t, tx, weekdayShort } from '../i18n.ts';
import { isWeekend, timeSpan, visibleAssignments, type RowGroup } from '../model.ts';
import { postCode, postTone } from '../posts.ts';

export type GridInput = {
  groups: RowGroup[];
  dates: string[];
  index: Map<string, Map<string, Assignment[]>>;
  violations: Map<string, Violation[]>;
  shortfalls: Map<string, Shortfall[]>;
  communityName: (id: string) => string | undefined;
  /** Where the focused cell's details are written (an aria-live region). */
  live: HTMLElement;
  caption: string;
};

export type GridHandle = { element: HTMLElement; focusCell(personId: string, date: string): void };

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

function personLabel(p: Person): string {
  return `${p.name} (${p.id})`;
}

export function renderGrid(input: GridInput): GridHandle {
  const { groups, dates, index, violations, shortfalls, communityName, live } = input;
  const cells: HTMLElement[][] = [];
  const rowOf = new Map<string, number>();
  const details: string[][] = [];
  let focused: [number, number] = [0, 0];

  const headCells = dates.map((d) => {
    const short = shortfalls.get(d) ?? [];
    const missing = short.reduce((n, s) => n + s.missing, 0);
    const title = [formatDay(d, 'long'), ...short.map((s) => `${s.rule}: ${tx('post', s.post)} ${t('missing', { n: s.missing })} — ${s.message}`)].join('\n');
    return h(
      'th',
      { role: 'columnheader', scope: 'col', class: `day${isWeekend(d) ? ' weekend' : ''}${missing ? ' short' : ''}`, title, dataset: { date: d } },
      h('span', { class: 'wd' }, weekdayShort(d)),
      h('span', { class: 'dn' }, String(Number(d.slice(8, 10)))),
      missing ? h('span', { class: 'short-badge', 'aria-label': `${t('shortfalls')}: ${missing}` }, `−${missing}`) : null,
    );
  });
  const thead = h(
    'thead',
    null,
    h('tr', { role: 'row' }, h('th', { role: 'columnheader', scope: 'col', class: 'corner' }, t('person')), headCells),
  );

  const tbody = h('tbody');
  for (const g of groups) {
    tbody.append(
      h('tr', { role: 'row', class: `group-row kind-${g.kind}` }, h('th', { role: 'rowheader', scope: 'rowgroup', colSpan: dates.length + 1, class: 'group-label' }, h('span', { class: 'group-inner' }, h('span', null, groupLabel(g, communityName)), h('span', { class: 'count' }, String(g.people.length))))),
    );
    for (const p of g.people) {
      const r = cells.length;
      rowOf.set(p.id, r);
      const rowCells: HTMLElement[] = [];
      const rowDetails: string[] = [];
      const byDate = index.get(p.id);
      const ab = p.community ? p.community.role : null;
      const header = h(
        'th',
        { role: 'rowheader', scope: 'row', class: 'who', title: `${personLabel(p)} · ${tx('role', p.rank)}${p.group ? ` · ${p.group}` : ''}${p.community ? ` · ${p.community.id} ${ab === 'A' ? t('roleALong') : t('roleBLong')}` : ''}` },
        h('span', { class: 'name' }, p.name),
        h('span', { class: 'pid' }, p.id),
        ab ? h('span', { class: `ab ab-${ab}`, 'aria-label': ab === 'A' ? t('roleALong') : t('roleBLong') }, ab) : null,
      );
      for (const [c, d] of dates.entries()) {
        const list = visibleAssignments(byDate?.get(d));
        const all = byDate?.get(d) ?? [];
        const vs = violations.get(`${p.id}|${d}`) ?? [];
        const hard = vs.some((v) => v.severity === 'hard');
        const main = list[0];
        const code = list.length ? list.map((a) => postCode(a.post, lang())).join('+') : '·';
        const lines = [`${personLabel(p)} — ${formatDay(d, 'long')}`, ...(list.length ? list.map((a) => describeAssignment(a, communityName)) : [t('noAssignment')]), ...vs.map((v) => `${v.rule} (${v.severity}): ${v.message}`)];
        const text = lines.join('\n');
        rowDetails.push(lines.join(' · '));
        const cls = ['cell', `tone-${main ? postTone(main.post) : 'none'}`];
        if (isWeekend(d)) cls.push('weekend');
        if (vs.length) cls.push(hard ? 'mark-hard' : 'mark-soft');
        if (all.some((a) => a.callIn)) cls.push('call-in');
        if (all.some((a) => a.redeploymentId)) cls.push('redeployed');
        if (all.some((a) => a.reinforcedDuty)) cls.push('reinforced');
        if (list.length > 1) cls.push('multi');
        const cell = h('td', { role: 'gridcell', class: cls.join(' '), tabIndex: r === 0 && c === 0 ? 0 : -1, title: text, dataset: { date: d } }, code);
        rowCells.push(cell);
      }
      cells.push(rowCells);
      details.push(rowDetails);
      tbody.append(h('tr', { role: 'row', dataset: { personId: p.id } }, header, rowCells));
    }
  }

  const table = h(
    'table',
    { role: 'grid', 'aria-label': t('roster'), class: 'roster-grid', 'aria-describedby': 'roster-caption' },
    thead,
    tbody,
  );

  const move = (r: number, c: number, focus = true) => {
    if (!cells.length) return;
    r = Math.max(0, Math.min(cells.length - 1, r));
    c = Math.max(0, Math.min(dates.length - 1, c));
    const [or, oc] = focused;
    const old = cells[or]?.[oc];
    if (old) old.tabIndex = -1;
    const next = cells[r]![c]!;
    next.tabIndex = 0;
    focused = [r, c];
    if (focus) next.focus({ preventScroll: false });
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  table.addEventListener('keydown', (e) => {
    const [r, c] = focused;
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'gridcell') return;
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
        move(r, c + 1);
        break;
      case 'ArrowLeft':
        move(r, c - 1);
        break;
      case 'ArrowDown':
        move(r + 1, c);
        break;
      case 'ArrowUp':
        move(r - 1, c);
        break;
      case 'Home':
        move(e.ctrlKey ? 0 : r, 0);
        break;
      case 'End':
        move(e.ctrlKey ? cells.length - 1 : r, dates.length - 1);
        break;
      case 'PageDown':
        move(r + 10, c);
        break;
      case 'PageUp':
        move(r - 10, c);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });

  table.addEventListener('focusin', (e) => {
    const cell = (e.target as HTMLElement).closest('td[role="gridcell"]') as HTMLElement | null;
    if (!cell) return;
    const personId = (cell.parentElement as HTMLElement).dataset.personId ?? '';
    const r = rowOf.get(personId);
    const c = dates.indexOf(cell.dataset.date ?? '');
    if (r === undefined || c < 0) return;
    if (focused[0] !== r || focused[1] !== c) move(r, c, false);
    live.textContent = details[r]?.[c] ?? '';
  });

  const scroller = h('div', { class: 'grid-scroll' }, table);
  return {
    element: scroller,
    focusCell(personId, date) {
      const r = rowOf.get(personId);
      const c = dates.indexOf(date);
      if (r !== undefined && c >= 0) move(r, c);
    },
  };
}

/** The legend of post codes and markers. */
export function renderLegend(posts: readonly string[], markers = true): HTMLElement {
  return h(
    'div',
    { class: 'legend', role: 'group', 'aria-label': t('legend') },
    h('span', { class: 'legend-title' }, t('legend')),
    posts.map((p) => h('span', { class: 'legend-item' }, h('span', { class: `chip tone-${postTone(p)}` }, postCode(p, lang())), tx('post', p))),
    h('span', { class: 'legend-item' }, h('span', { class: 'chip swatch-weekend' }, ''), t('weekend')),
    markers
      ? [
          h('span', { class: 'legend-item' }, h('span', { class: 'chip tone-none mark-hard' }, ''), t('hardMark')),
          h('span', { class: 'legend-item' }, h('span', { class: 'chip tone-none mark-soft' }, ''), t('softMark')),
          h('span', { class: 'legend-item' }, h('span', { class: 'chip short-badge' }, '−n'), t('shortMark')),
          h('span', { class: 'legend-item' }, h('span', { class: 'chip tone-none call-in' }, ''), t('callIn')),
          h('span', { class: 'legend-item' }, h('span', { class: 'chip tone-none redeployed' }, ''), t('redeployed')),
        ]
      : null,
  );
}
