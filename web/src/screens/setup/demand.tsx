// Set-up: Demand. The posts asked for per shift (people, skills, weekdays) and, beside them, per day of the next four
// weeks, the demand against the people who could cover it, worked out with the core's own rules (the rotation says
// who is on which shift, FB-1..FB-3 keep dedicated community officers off other posts, SKILL-1 asks for the skills,
// ROT-4 takes out the absent), so a demand nobody can meet shows before anyone plans.
import { NON_DEMAND_POSTS, POST_IDS, forbiddingRule, type PostId } from '../../../../shared/domain/posts.ts';
import type { Demand, Person } from '../../../../shared/domain/station.ts';
import type { Calendar } from '../../../../shared/calendar/index.ts';
import { patternShiftCode } from '../../../../shared/rotation/index.ts';
import { demandApplies } from '../../../../shared/rules/days.ts';
import { useEffect } from 'preact/hooks';
import { loadCalendar, officialCalendar } from '../../calendar.ts';
import { formatDay, lang, t, tx, weekdayShort } from '../../i18n.ts';
import { dateRange, isWeekend, localDate, nextMonday } from '../../model.ts';
import { RuleChip } from '../roster/panels.tsx';
import { edit, type Draft } from './draft.ts';
import { FieldIssues, ListInput, NumberInput, SetupScreen, hasIssuesUnder } from './common.tsx';

const DEMAND_POSTS = POST_IDS.filter((p) => !NON_DEMAND_POSTS.has(p));

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** A Monday, to name weekdays in the page's language. */
const MONDAY = '2026-01-05';

export type Cover = { needed: number; could: number };

/** The official calendar (public holidays, make-up workdays) the page loaded from GET /calendar (the page never bundles the data). */
export const calendarOf = (_d: Draft): Calendar => officialCalendar.value;

/** Whether a person could hold a demand post on a date: on that shift by the rotation, present, skilled, allowed. */

export function couldCover(d: Pick<Draft, 'timezone' | 'shiftTypes' | 'pattern' | 'groups' | 'rules' | 'absences'>, p: Person, entry: Pick<Demand, 'post' | 'shift' | 'skills'>, date: string, calendar: Calendar): boolean {
  let code: string;
  try {
    code = patternShiftCode(d, p, date, calendar);
  } catch {
    return false;
  }
  if (code !== entry.shift) return false;
  if (d.absences.some((a) => a.personId === p.id && a.from <= date && date <= a.to)) return false;
  if (!(entry.skills ?? []).every((s) => p.skills.includes(s))) return false;
  if (p.community?.dedicated && forbiddingRule(entry.post as PostId) !== null) return false;
  return true;
}

/** Per demand entry and date: people asked for and people who could cover it (null where the entry does not apply). */
export function coverTable(d: Draft, dates: readonly string[]): (Cover | null)[][] {
  const calendar = calendarOf(d);
  return d.demand.map((entry) => dates.map((date) => (demandApplies(d, entry, date, calendar) ? { needed: entry.people, could: d.people.filter((p) => couldCover(d, p, entry, date, calendar)).length } : null)));
}

/** Per shift and date: all the posts of the shift together against the people on it who could hold any of them. */
export function shiftTotals(d: Draft, dates: readonly string[]): { shift: string; cells: Cover[] }[] {
  const shifts = [...new Set(d.demand.map((x) => x.shift))];
  const calendar = calendarOf(d);
  return shifts.map((shift) => ({
    shift,
    cells: dates.map((date) => {
      const entries = d.demand.filter((x) => x.shift === shift && demandApplies(d, x, date, calendar));
      return { needed: entries.reduce((n, x) => n + (Number.isFinite(x.people) ? x.people : 0), 0), could: d.people.filter((p) => entries.some((x) => couldCover(d, p, x, date, calendar))).length };
    }),
  }));
}

function DemandTable({ d, readOnly }: { d: Draft; readOnly: boolean }) {
  const set = (i: number, fn: (x: Demand) => void) => edit((s) => fn(s.demand[i]!));
  return (
    <section class="card" aria-labelledby="demand-title">
      <div class="setup-title-row">
        <h3 id="demand-title">{t('demandTitle')}</h3>
        {readOnly ? null : (
          <button type="button" class="secondary" onClick={() => edit((s) => void s.demand.push({ post: 'station-duty', shift: s.shiftTypes.find((x) => x.hours > 0)?.code ?? '', people: 1, skills: [] }))}>
            {t('addDemand')}
          </button>
        )}
      </div>
      <div class="table-scroll">
        <table class="setup-table demand-table">
          <thead>
            <tr>
              <th scope="col">{t('fieldPost')}</th>
              <th scope="col">{t('fieldShift')}</th>
              <th scope="col">{t('fieldPeople')}</th>
              <th scope="col">{t('fieldSkills')}</th>
              <th scope="col">{t('fieldWeekdays')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {d.demand.map((x, i) => {
              const at = `demand[${i}]`;
              const rule = forbiddingRule(x.post as PostId);
              return (
                <tr data-index={i} class={hasIssuesUnder(at) ? 'row-error' : ''}>
                  <td>
                    <select id={`d-${i}-post`} aria-label={t('fieldPost')} value={x.post} disabled={readOnly} onChange={(e) => set(i, (y) => { y.post = (e.target as HTMLSelectElement).value as PostId; })}>
                      {DEMAND_POSTS.map((p) => (
                        <option value={p}>{tx('post', p)}</option>
                      ))}
                    </select>
                    {rule === 'FB-1' || rule === 'FB-2' ? <RuleChip id={rule} severity="hard" /> : null}
                    <FieldIssues path={`${at}.post`} />
                    <FieldIssues path={at} />
                  </td>
                  <td>
                    <select id={`d-${i}-shift`} aria-label={t('fieldShift')} value={x.shift} disabled={readOnly} aria-invalid={hasIssuesUnder(`${at}.shift`) ? 'true' : undefined} onChange={(e) => set(i, (y) => { y.shift = (e.target as HTMLSelectElement).value; })}>
                      {d.shiftTypes.some((s) => s.code === x.shift) ? null : <option value={x.shift}>{x.shift || '—'}</option>}
                      {d.shiftTypes.map((s) => (
                        <option value={s.code}>{`${s.code} · ${s.name}`}</option>
                      ))}
                    </select>
                    <FieldIssues path={`${at}.shift`} />
                  </td>
                  <td>
                    <NumberInput id={`d-${i}-people`} path={`${at}.people`} value={x.people} readOnly={readOnly} onValue={(v) => set(i, (y) => { y.people = v as number; })} />
                    <FieldIssues path={`${at}.people`} />
                  </td>
                  <td>
                    <ListInput id={`d-${i}-skills`} path={`${at}.skills`} value={x.skills} readOnly={readOnly} onValue={(v) => set(i, (y) => { y.skills = v; })} />
                    <FieldIssues path={`${at}.skills`} />
                  </td>
                  <td>
                    <fieldset class="weekdays" aria-label={t('fieldWeekdays')}>
                      {WEEKDAYS.map((w) => {
                        const on = !x.weekdays || x.weekdays.includes(w);
                        const day = dateRange(MONDAY, 7)[w - 1]!;
                        return (
                          <label class={`wd-toggle${on ? ' on' : ''}`} title={formatDay(day, 'weekday')}>
                            <input
                              type="checkbox"
                              checked={on}
                              disabled={readOnly}
                              onChange={(e) =>
                                set(i, (y) => {
                                  const now = new Set(y.weekdays ?? WEEKDAYS);
                                  if ((e.target as HTMLInputElement).checked) now.add(w);
                                  else now.delete(w);
                                  const list = [...now].sort();
                                  if (list.length === 7) delete y.weekdays;
                                  else y.weekdays = list;
                                })
                              }
                            />
                            {weekdayShort(day)}
                          </label>
                        );
                      })}
                    </fieldset>
                    <FieldIssues path={`${at}.weekdays`} />
                    <select
                      id={`d-${i}-days`}
                      class="demand-days"
                      aria-label={t('fieldDemandDays')}
                      value={x.days ?? ''}
                      disabled={readOnly}
                      onChange={(e) =>
                        set(i, (y) => {
                          const v = (e.target as HTMLSelectElement).value;
                          if (v === 'workdays' || v === 'restDays' || v === 'holidays') y.days = v;
                          else delete y.days;
                        })
                      }
                    >
                      <option value="">{t('demandDaysAll')}</option>
                      <option value="workdays">{t('demandDaysWorkdays')}</option>
                      <option value="restDays">{t('demandDaysRestDays')}</option>
                      <option value="holidays">{t('demandDaysHolidays')}</option>
                    </select>
                    <FieldIssues path={`${at}.days`} />
                  </td>
                  <td>
                    {readOnly ? null : (
                      <button type="button" class="link-button" onClick={() => edit((s) => void s.demand.splice(i, 1))}>
                        {t('remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CoverCell({ c, date }: { c: Cover | null; date: string }) {
  if (!c) return <td class={`na${isWeekend(date) ? ' weekend' : ''}`}>·</td>;
  const short = c.could < c.needed;
  return (
    <td class={`${short ? 'short' : 'ok'}${isWeekend(date) ? ' weekend' : ''}`} data-date={date} title={t('coverTip', { needed: c.needed, could: c.could, date: formatDay(date, 'long') })}>
      {`${c.needed}/${c.could}`}
    </td>
  );
}

function CoverView({ d }: { d: Draft }) {
  const dates = dateRange(nextMonday(localDate(new Date())), 28);
  // CAL-3: the official days of these four weeks (demand `days`, the community weekday schedule).
  useEffect(() => {
    void loadCalendar(dates[0]!, dates[dates.length - 1]!);
  }, [dates[0]]);
  const table = coverTable(d, dates);
  const totals = shiftTotals(d, dates);
  const impossible = table.reduce((n, row) => n + row.filter((c) => c && c.could < c.needed).length, 0) + totals.reduce((n, s) => n + s.cells.filter((c) => c.could < c.needed).length, 0);
  return (
    <section class="card" aria-labelledby="cover-title">
      <h3 id="cover-title">{t('coverTitle')}</h3>
      <p class="hint">{t('coverHint')}</p>
      {impossible ? (
        <p class="alert warn" role="status">
          {t('coverShort', { n: impossible })}
        </p>
      ) : (
        <p class="ok">{t('coverOk')}</p>
      )}
      <div class="table-scroll">
        <table class="cover-table" aria-label={t('coverTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('fieldPost')}</th>
              {dates.map((date) => (
                <th scope="col" class={isWeekend(date) ? 'weekend' : ''} title={formatDay(date, 'long')}>
                  <span class="wd">{weekdayShort(date)}</span>
                  <span class="dn">{Number(date.slice(8))}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.demand.map((x, i) => (
              <tr data-index={i}>
                <th scope="row">{`${tx('post', x.post)} · ${x.shift}${x.skills?.length ? ` · ${x.skills.map((s) => tx('skill', s)).join(lang() === 'zh' ? '、' : ', ')}` : ''}`}</th>
                {dates.map((date, j) => (
                  <CoverCell c={table[i]![j]!} date={date} />
                ))}
              </tr>
            ))}
            {totals.map((s) => (
              <tr class="total-row" data-shift={s.shift}>
                <th scope="row">{t('shiftTotal', { shift: s.shift })}</th>
                {dates.map((date, j) => (
                  <CoverCell c={s.cells[j]!} date={date} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function DemandScreen() {
  return (
    <SetupScreen title={t('screen_demand')} intro={t('demandIntro')}>
      {(d, readOnly) => (
        <>
          <DemandTable d={d} readOnly={readOnly} />
          <CoverView d={d} />
        </>
      )}
    </SetupScreen>
  );
}
