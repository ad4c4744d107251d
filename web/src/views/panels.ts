// The panels beside the grid: shortfalls and rule breaks, suggested redeployments, key figures.
import type { Plan, Suggestion } from '../../../shared/domain/plan.ts';
import { RULES, type RuleId } from '../../../shared/rules/catalogue.ts';
import { h } from '../dom.ts';
import { RULE_TITLES_ZH, formatDay, formatPercent, lang, t, tx } from '../i18n.ts';
import { abCoverageTable, communityHoursTable } from '../model.ts';

/** A rule id as a chip, its title and sentence (from the rule catalogue) on hover. */
export function ruleChip(id: string, severity?: string): HTMLElement {
  const entry = RULES[id as RuleId];
  const title = lang() === 'zh' ? (RULE_TITLES_ZH[id] ?? entry?.title) : entry?.title;
  const tip = [title, entry?.sentence].filter(Boolean).join(' — ');
  return h('span', { class: `rule-chip sev-${severity ?? entry?.severity ?? 'hard'}`, title: tip || id }, id);
}

export function ruleTitle(id: string): string {
  const entry = RULES[id as RuleId];
  return (lang() === 'zh' ? RULE_TITLES_ZH[id] : undefined) ?? entry?.title ?? '';
}

type Names = (id: string) => string;

export function renderIssues(plan: Pick<Plan, 'shortfalls' | 'violations'>, name: Names, onShow: (personId: string, date: string) => void): HTMLElement {
  const shortfalls = [...plan.shortfalls].sort((a, b) => a.date.localeCompare(b.date) || a.post.localeCompare(b.post));
  const violations = [...plan.violations].sort((a, b) => (a.severity === 'hard' ? 0 : 1) - (b.severity === 'hard' ? 0 : 1) || a.rule.localeCompare(b.rule));
  return h(
    'section',
    { class: 'panel issues', 'aria-labelledby': 'issues-title' },
    h('h2', { id: 'issues-title' }, t('issues')),
    h('h3', null, t('shortfalls'), h('span', { class: 'count' }, String(shortfalls.length))),
    shortfalls.length
      ? h(
          'ul',
          { class: 'issue-list', 'aria-label': t('shortfalls') },
          shortfalls.map((s) =>
            h(
              'li',
              { class: 'issue', dataset: { rule: s.rule } },
              h('div', { class: 'issue-head' }, ruleChip(s.rule), h('strong', null, formatDay(s.date)), h('span', null, `${tx('post', s.post)} · ${s.shift}`), h('span', { class: 'missing' }, t('missing', { n: s.missing }))),
              h('p', { class: 'reason' }, ruleTitle(s.rule) ? h('em', null, `${ruleTitle(s.rule)}. `) : null, s.message),
            ),
          ),
        )
      : h('p', { class: 'ok' }, t('noShortfalls')),
    h('h3', null, t('violations'), h('span', { class: 'count' }, String(violations.length))),
    violations.length
      ? h(
          'ul',
          { class: 'issue-list', 'aria-label': t('violations') },
          violations.map((v) =>
            h(
              'li',
              { class: `issue sev-${v.severity}`, dataset: { rule: v.rule } },
              h(
                'div',
                { class: 'issue-head' },
                ruleChip(v.rule, v.severity),
                h('strong', null, v.personIds.map(name).join(', ') || '—'),
                v.dates.length ? h('span', null, v.dates.length > 1 ? `${formatDay(v.dates[0]!)} – ${formatDay(v.dates[v.dates.length - 1]!)}` : formatDay(v.dates[0]!)) : null,
                v.personIds[0] && v.dates[0]
                  ? h('button', { type: 'button', class: 'link-button', on: { click: () => onShow(v.personIds[0]!, v.dates[0]!) } }, '→')
                  : null,
              ),
              h('p', { class: 'reason' }, ruleTitle(v.rule) ? h('em', null, `${ruleTitle(v.rule)}. `) : null, v.message),
            ),
          ),
        )
      : h('p', { class: 'ok' }, t('noViolations')),
  );
}

export type SuggestionState = Map<string, { id?: string; busy?: boolean }>;
export const suggestionKey = (s: Suggestion) => `${s.personId}|${s.post}|${s.from}|${s.to}`;

export function renderSuggestions(
  suggestions: readonly Suggestion[],
  name: Names,
  canRequest: boolean,
  state: SuggestionState,
  onRequest: (s: Suggestion) => void,
): HTMLElement {
  return h(
    'section',
    { class: 'panel suggestions', 'aria-labelledby': 'suggestions-title' },
    h('h2', { id: 'suggestions-title' }, t('suggestions'), h('span', { class: 'count' }, String(suggestions.length))),
    suggestions.length
      ? h(
          'ul',
          { class: 'issue-list' },
          suggestions.map((s) => {
            const st = state.get(suggestionKey(s));
            return h(
              'li',
              { class: 'suggestion', dataset: { personId: s.personId, key: suggestionKey(s) } },
              h('div', { class: 'issue-head' }, h('strong', null, name(s.personId)), h('span', null, `→ ${tx('post', s.post)}`), h('span', null, s.from === s.to ? formatDay(s.from) : `${formatDay(s.from)} – ${formatDay(s.to)}`)),
              s.cost ? costLine(s.cost.communityHoursLost, s.cost.week, s.cost.breaks) : null,
              h('p', { class: 'reason' }, s.why),
              canRequest
                ? st?.id
                  ? h('p', { class: 'done' }, t('requested', { id: st.id }))
                  : h('button', { type: 'button', class: 'secondary', disabled: st?.busy === true, on: { click: () => onRequest(s) } }, t('requestRedeployment'))
                : null,
            );
          }),
        )
      : h('p', { class: 'ok' }, t('noSuggestions')),
  );
}

export function costLine(hours: number, week: string | undefined, breaks: readonly string[]): HTMLElement {
  return h(
    'p',
    { class: 'cost' },
    h('span', { class: 'cost-label' }, t('cost')),
    h('span', { class: 'hours-lost' }, `${t('costLine', { h: hours })}${week ? ` (${week})` : ''}`),
    breaks.length ? [h('span', null, t('wouldBreak')), breaks.map((b) => ruleChip(b, 'soft'))] : h('span', { class: 'ok' }, t('breaksNothing')),
  );
}

/** The plan's headline figures, shown above the roster. */
export function renderKpiTiles(plan: Pick<Plan, 'kpis' | 'shortfalls'>, target: number): HTMLElement {
  const cells = plan.kpis.community;
  const atTarget = cells.filter((c) => c.hours >= target - 1e-9).length;
  const abCells = plan.kpis.abCoverage;
  const abCovered = abCells.filter((c) => c.covered).length;
  return h(
    'section',
    { class: 'tiles', 'aria-label': t('kpis') },
    tile(t('onPostShare'), formatPercent(plan.kpis.onPostShare), 'ROT-2'),
    tile(t('communityHoursShort'), cells.length ? `${atTarget} / ${cells.length}` : '—', 'CP-2', cells.length > 0 && atTarget < cells.length),
    tile(t('abCoverageShort'), abCells.length ? formatPercent(abCovered / abCells.length) : '—', 'AB-2', abCovered < abCells.length),
    tile(t('shortfalls'), String(plan.shortfalls.length), 'COVER', plan.shortfalls.length > 0),
    tile(t('callIns'), String(plan.kpis.callIns), 'CALLIN-1'),
  );
}

export function renderKpis(plan: Pick<Plan, 'kpis'>, target: number, name: Names, communityName: (id: string) => string | undefined): HTMLElement {
  const { weeks, rows } = communityHoursTable(plan.kpis);
  const ab = abCoverageTable(plan.kpis);
  const hoursTable = rows.length
    ? h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'kpi-table' },
          h('caption', null, t('communityHours', { target })),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('officer')), weeks.map((w) => h('th', { scope: 'col' }, w.slice(5))))),
          h(
            'tbody',
            null,
            rows.map((r) =>
              h(
                'tr',
                { dataset: { personId: r.personId } },
                h('th', { scope: 'row' }, h('span', { class: 'name' }, name(r.personId)), r.communityId ? h('span', { class: 'pid' }, r.communityId) : null),
                weeks.map((w) => {
                  const c = r.weeks.get(w);
                  if (!c) return h('td', { class: 'na' }, '—');
                  const low = c.hours < target - 1e-9;
                  const pct = Math.min(100, Math.round((c.hours / Math.max(target, 1)) * 100));
                  return h(
                    'td',
                    { class: low ? 'low' : 'good', title: `${name(r.personId)} ${w}: ${c.hours} h / ${target} h · ${formatPercent(c.share)}` },
                    h('span', { class: 'bar', style: `--pct:${pct}%` }),
                    h('span', { class: 'val' }, `${round1(c.hours)} h`),
                  );
                }),
              ),
            ),
          ),
        ),
      )
    : null;
  const abTable = ab.dates.length
    ? h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'ab-table' },
          h('caption', null, t('abCoverage')),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, ''), ab.dates.map((d) => h('th', { scope: 'col', title: formatDay(d, 'long') }, String(Number(d.slice(8, 10))))))),
          h(
            'tbody',
            null,
            ab.communities.map((c) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row', title: communityName(c) ?? c }, c),
                ab.dates.map((d) => {
                  const k = ab.cell(c, d);
                  if (!k) return h('td', { class: 'na' }, '');
                  const label = k.covered ? t('covered', { by: k.by.map(name).join(', ') }) : t('notCovered');
                  return h('td', { class: k.covered ? 'yes' : 'no', title: `${c} ${formatDay(d)}: ${label}` }, h('span', { class: 'dot', 'aria-label': label }, k.covered ? '●' : '✕'));
                }),
              ),
            ),
          ),
        ),
      )
    : null;
  return h('section', { class: 'panel kpis', 'aria-labelledby': 'kpis-title' }, h('h2', { id: 'kpis-title' }, t('kpiDetails')), h('div', { class: 'kpi-tables' }, hoursTable, abTable));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function tile(label: string, value: string, rule: string, warn = false): HTMLElement {
  return h('div', { class: `tile${warn ? ' warn' : ''}` }, h('span', { class: 'tile-value' }, value), h('span', { class: 'tile-label' }, label, ' ', ruleChip(rule, 'info')));
}
