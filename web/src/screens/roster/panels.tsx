// The panels beside the grid: shortfalls and rule breaks, suggested redeployments, key figures.
import type { Plan, Suggestion } from '../../../../shared/domain/plan.ts';
import { RULES, type RuleId } from '../../../../shared/rules/catalogue.ts';
import { RULE_TITLES_ZH, formatDay, formatPercent, lang, t, tx } from '../../i18n.ts';
import { abCoverageTable, communityHoursTable } from '../../model.ts';

/** A rule's short title in the page's language (the catalogue's titles are English). */
export function ruleTitle(id: string): string {
  const entry = RULES[id as RuleId];
  return (lang() === 'zh' ? RULE_TITLES_ZH[id] : undefined) ?? entry?.title ?? '';
}

/** A rule id as a chip, its title (and in English its sentence) on hover. */
export function RuleChip({ id, severity }: { id: string; severity?: string }) {
  const entry = RULES[id as RuleId];
  const tip = [ruleTitle(id), lang() === 'en' ? entry?.sentence : undefined].filter(Boolean).join(' — ');
  return (
    <span class={`rule-chip sev-${severity ?? entry?.severity ?? 'hard'}`} title={tip || id}>
      {id}
    </span>
  );
}

type Names = (id: string) => string;

export function Issues({ plan, name, onShow }: { plan: Pick<Plan, 'shortfalls' | 'violations'>; name: Names; onShow: (personId: string, date: string) => void }) {
  const shortfalls = [...plan.shortfalls].sort((a, b) => a.date.localeCompare(b.date) || a.post.localeCompare(b.post));
  const violations = [...plan.violations].sort((a, b) => (a.severity === 'hard' ? 0 : 1) - (b.severity === 'hard' ? 0 : 1) || a.rule.localeCompare(b.rule));
  const title = (rule: string) => (ruleTitle(rule) ? <em>{`${ruleTitle(rule)}${lang() === 'zh' ? '。' : '. '}`}</em> : null);
  return (
    <section class="panel issues" aria-labelledby="issues-title">
      <h2 id="issues-title">{t('issues')}</h2>
      <h3>
        {t('shortfalls')}
        <span class="count">{String(shortfalls.length)}</span>
      </h3>
      {shortfalls.length ? (
        <ul class="issue-list" aria-label={t('shortfalls')}>
          {shortfalls.map((s) => (
            <li class="issue" data-rule={s.rule}>
              <div class="issue-head">
                <RuleChip id={s.rule} />
                <strong>{formatDay(s.date)}</strong>
                <span>{`${tx('post', s.post)} · ${s.shift}`}</span>
                <span class="missing">{t('missing', { n: s.missing })}</span>
              </div>
              <p class="reason">
                {title(s.rule)}
                {s.message}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="ok">{t('noShortfalls')}</p>
      )}
      <h3>
        {t('violations')}
        <span class="count">{String(violations.length)}</span>
      </h3>
      {violations.length ? (
        <ul class="issue-list" aria-label={t('violations')}>
          {violations.map((v) => (
            <li class={`issue sev-${v.severity}`} data-rule={v.rule}>
              <div class="issue-head">
                <RuleChip id={v.rule} severity={v.severity} />
                <strong>{v.personIds.map(name).join(lang() === 'zh' ? '、' : ', ') || '—'}</strong>
                {v.dates.length ? <span>{v.dates.length > 1 ? `${formatDay(v.dates[0]!)} – ${formatDay(v.dates[v.dates.length - 1]!)}` : formatDay(v.dates[0]!)}</span> : null}
                {v.personIds[0] && v.dates[0] ? (
                  <button type="button" class="link-button" title={t('showInRoster')} aria-label={t('showInRoster')} onClick={() => onShow(v.personIds[0]!, v.dates[0]!)}>
                    →
                  </button>
                ) : null}
              </div>
              <p class="reason">
                {title(v.rule)}
                {v.message}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="ok">{t('noViolations')}</p>
      )}
    </section>
  );
}

export type SuggestionState = Map<string, { id?: string; busy?: boolean }>;
export const suggestionKey = (s: Suggestion) => `${s.personId}|${s.post}|${s.from}|${s.to}`;

export function Suggestions(props: { suggestions: readonly Suggestion[]; name: Names; canRequest: boolean; state: SuggestionState; onRequest: (s: Suggestion) => void }) {
  const { suggestions, name, canRequest, state, onRequest } = props;
  return (
    <section class="panel suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">
        {t('suggestions')}
        <span class="count">{String(suggestions.length)}</span>
      </h2>
      {suggestions.length ? (
        <ul class="issue-list">
          {suggestions.map((s) => {
            const st = state.get(suggestionKey(s));
            return (
              <li class="suggestion" data-person-id={s.personId} data-key={suggestionKey(s)}>
                <div class="issue-head">
                  <strong>{name(s.personId)}</strong>
                  <span>{`→ ${tx('post', s.post)}`}</span>
                  <span>{s.from === s.to ? formatDay(s.from) : `${formatDay(s.from)} – ${formatDay(s.to)}`}</span>
                </div>
                {s.cost ? <CostLine hours={s.cost.communityHoursLost} week={s.cost.week} breaks={s.cost.breaks} /> : null}
                <p class="reason">{s.why}</p>
                {canRequest ? (
                  st?.id ? (
                    <p class="done">{t('requested', { id: st.id })}</p>
                  ) : (
                    <button type="button" class="secondary" disabled={st?.busy === true} onClick={() => onRequest(s)}>
                      {t('requestRedeployment')}
                    </button>
                  )
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="ok">{t('noSuggestions')}</p>
      )}
    </section>
  );
}

/** `2026-W50` as the page's language writes it. */
export const weekLabel = (week: string): string => t('weekLabel', { year: week.slice(0, 4), n: Number(week.slice(6)) });

export function CostLine({ hours, week, breaks }: { hours: number; week: string | undefined; breaks: readonly string[] }) {
  return (
    <p class="cost">
      <span class="cost-label">{t('cost')}</span>
      <span class="hours-lost">{`${t('costLine', { h: hours })}${week ? ` (${weekLabel(week)})` : ''}`}</span>
      {breaks.length ? (
        <>
          <span>{t('wouldBreak')}</span>
          {breaks.map((b) => (
            <RuleChip id={b} severity="soft" />
          ))}
        </>
      ) : (
        <span class="ok">{t('breaksNothing')}</span>
      )}
    </p>
  );
}

function Tile({ label, value, rule, warn = false }: { label: string; value: string; rule: string; warn?: boolean }) {
  return (
    <div class={`tile${warn ? ' warn' : ''}`}>
      <span class="tile-value">{value}</span>
      <span class="tile-label">
        {label} <RuleChip id={rule} severity="info" />
      </span>
    </div>
  );
}

/** The gap as the page says it: a percentage rounded up to a tenth, so the claim stays true. */
export function gapPercent(gap: number): string {
  return (Math.ceil(gap * 1000 - 1e-9) / 10).toFixed(1);
}

/** How good the plan is proven to be: its score against the engine's lower bound on any plan of these dates. */
export function PlanQuality({ plan }: { plan: Pick<Plan, 'score' | 'bound' | 'gap'> }) {
  if (plan.bound === undefined || plan.gap === undefined) return null;
  const text = plan.gap <= 0 ? t('planOptimal', { score: plan.score.total }) : t('planGap', { gap: gapPercent(plan.gap), score: plan.score.total, bound: plan.bound });
  return (
    <p class="plan-quality" data-gap={String(plan.gap)}>
      {text}
    </p>
  );
}

/** The plan's headline figures, shown above the roster. */
export function KpiTiles({ plan, target }: { plan: Pick<Plan, 'kpis' | 'shortfalls'>; target: number }) {
  const cells = plan.kpis.community;
  const atTarget = cells.filter((c) => c.hours >= target - 1e-9).length;
  const abCells = plan.kpis.abCoverage;
  const abCovered = abCells.filter((c) => c.covered).length;
  return (
    <section class="tiles" aria-label={t('kpis')}>
      <Tile label={t('onPostShare')} value={formatPercent(plan.kpis.onPostShare)} rule="ROT-2" />
      <Tile label={t('communityHoursShort')} value={cells.length ? `${atTarget} / ${cells.length}` : '—'} rule="CP-2" warn={cells.length > 0 && atTarget < cells.length} />
      <Tile label={t('abCoverageShort')} value={abCells.length ? formatPercent(abCovered / abCells.length) : '—'} rule="AB-2" warn={abCovered < abCells.length} />
      <Tile label={t('shortfalls')} value={String(plan.shortfalls.length)} rule="COVER" warn={plan.shortfalls.length > 0} />
      <Tile label={t('callIns')} value={String(plan.kpis.callIns)} rule="CALLIN-1" />
    </section>
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function Kpis({ plan, target, name, communityName }: { plan: Pick<Plan, 'kpis'>; target: number; name: Names; communityName: (id: string) => string | undefined }) {
  const { weeks, rows } = communityHoursTable(plan.kpis);
  const ab = abCoverageTable(plan.kpis);
  return (
    <section class="panel kpis" aria-labelledby="kpis-title">
      <h2 id="kpis-title">{t('kpiDetails')}</h2>
      <div class="kpi-tables">
        {rows.length ? (
          <div class="table-scroll">
            <table class="kpi-table">
              <caption>{t('communityHours', { target })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officer')}</th>
                  {weeks.map((w) => (
                    <th scope="col" title={weekLabel(w)}>
                      {t('weekShort', { n: Number(w.slice(6)) })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-person-id={r.personId}>
                    <th scope="row">
                      <span class="name">{name(r.personId)}</span>
                      {r.communityId ? <span class="pid">{r.communityId}</span> : null}
                    </th>
                    {weeks.map((w) => {
                      const c = r.weeks.get(w);
                      if (!c) return <td class="na">—</td>;
                      const low = c.hours < target - 1e-9;
                      const pct = Math.min(100, Math.round((c.hours / Math.max(target, 1)) * 100));
                      return (
                        <td class={low ? 'low' : 'good'} title={`${name(r.personId)} ${weekLabel(w)}: ${t('hours', { h: round1(c.hours) })} / ${t('hours', { h: target })} · ${formatPercent(c.share)}`}>
                          <span class="bar" style={`--pct:${pct}%`} />
                          <span class="val">{t('hours', { h: round1(c.hours) })}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {ab.dates.length ? (
          <div class="table-scroll">
            <table class="ab-table">
              <caption>{t('abCoverage')}</caption>
              <thead>
                <tr>
                  <th scope="col" />
                  {ab.dates.map((d) => (
                    <th scope="col" title={formatDay(d, 'long')}>
                      {String(Number(d.slice(8, 10)))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ab.communities.map((c) => (
                  <tr>
                    <th scope="row" title={communityName(c) ?? c}>
                      {c}
                    </th>
                    {ab.dates.map((d) => {
                      const k = ab.cell(c, d);
                      if (!k) return <td class="na" />;
                      const label = k.covered ? t('covered', { by: k.by.map(name).join(lang() === 'zh' ? '、' : ', ') }) : t('notCovered');
                      return (
                        <td class={k.covered ? 'yes' : 'no'} title={`${c} ${formatDay(d)}: ${label}`}>
                          <span class="dot" role="img" aria-label={label}>
                            {k.covered ? '●' : '✕'}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </section>
  );
}
