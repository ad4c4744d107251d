// Set-up: Rotation and shifts. The shift types (code, name, start, hours, night), the pattern (ROT-1, ROT-2 or a
// custom cycle) and, computed by the core's rotation (shared/rotation), who works which shift over the next four
// weeks per duty group, so a leader sees the effect before saving.
import { BUILTIN_PATTERNS, DEFAULT_ANCHOR_DATE, type BuiltinPatternName, type ShiftType } from '../../../../shared/domain/station.ts';
import { cycleOf, groupShiftCode, isNightShift } from '../../../../shared/rotation/index.ts';
import { formatDay, t, weekdayShort } from '../../i18n.ts';
import { dateRange, isWeekend, localDate, nextMonday } from '../../model.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { RuleChip } from '../roster/panels.tsx';
import { edit, issues, type Draft } from './draft.ts';
import { Field, FieldIssues, ListInput, NumberInput, SetupScreen, TextInput, hasIssuesUnder, invalid } from './common.tsx';

const BUILTIN_RULE: Record<BuiltinPatternName, string> = { 'three-groups-two-running': 'ROT-1', 'four-teams-three-shifts': 'ROT-2' };

function ShiftTypes({ d, readOnly }: { d: Draft; readOnly: boolean }) {
  const set = (i: number, fn: (s: ShiftType) => void) => edit((x) => fn(x.shiftTypes[i]!));
  return (
    <section class="card" aria-labelledby="shifts-title">
      <div class="setup-title-row">
        <h3 id="shifts-title">{t('shiftTypesTitle')}</h3>
        {readOnly ? null : (
          <button type="button" class="secondary" onClick={() => edit((x) => void x.shiftTypes.push({ code: '', name: '', start: '08:00', hours: 8 }))}>
            {t('addShift')}
          </button>
        )}
      </div>
      <div class="table-scroll">
        <table class="setup-table">
          <thead>
            <tr>
              <th scope="col">{t('fieldCode')}</th>
              <th scope="col">{t('fieldTitle')}</th>
              <th scope="col">{t('fieldStart')}</th>
              <th scope="col">{t('fieldHours')}</th>
              <th scope="col">{t('fieldNight')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {d.shiftTypes.map((s, i) => {
              const at = `shiftTypes[${i}]`;
              let night = false;
              try {
                night = isNightShift(d, s.code);
              } catch {
                /* a half-typed shift */
              }
              return (
                <tr data-shift-code={s.code} class={hasIssuesUnder(at) ? 'row-error' : ''}>
                  <td>
                    <TextInput id={`s-${i}-code`} path={`${at}.code`} value={s.code} size={4} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.code = v; })} />
                    <FieldIssues path={`${at}.code`} />
                  </td>
                  <td>
                    <TextInput id={`s-${i}-name`} path={`${at}.name`} value={s.name} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.name = v; })} />
                    <FieldIssues path={`${at}.name`} />
                  </td>
                  <td>
                    <TextInput id={`s-${i}-start`} path={`${at}.start`} value={s.start} size={5} placeholder="HH:MM" readOnly={readOnly} onValue={(v) => set(i, (x) => {
                          if (v) x.start = v;
                          else delete x.start;
                        })} />
                    <FieldIssues path={`${at}.start`} />
                  </td>
                  <td>
                    <NumberInput id={`s-${i}-hours`} path={`${at}.hours`} value={s.hours} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.hours = v as number; })} />
                    <FieldIssues path={`${at}.hours`} />
                  </td>
                  <td>
                    <select
                      id={`s-${i}-night`}
                      aria-label={t('fieldNight')}
                      value={s.night === undefined ? '' : String(s.night)}
                      disabled={readOnly}
                      onChange={(e) =>
                        set(i, (x) => {
                          const v = (e.target as HTMLSelectElement).value;
                          if (v === '') delete x.night;
                          else x.night = v === 'true';
                        })
                      }
                    >
                      <option value="">{t('nightAuto', { v: night ? t('yes') : t('no') })}</option>
                      <option value="true">{t('yes')}</option>
                      <option value="false">{t('no')}</option>
                    </select>
                  </td>
                  <td>
                    {readOnly ? null : (
                      <button type="button" class="link-button" onClick={() => edit((x) => void x.shiftTypes.splice(i, 1))}>
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

function PatternEditor({ d, readOnly }: { d: Draft; readOnly: boolean }) {
  const p = d.pattern;
  const kind = 'cycle' in p ? 'custom' : p.builtin;
  const choose = (k: string) =>
    edit((x) => {
      const anchorDate = x.pattern.anchorDate ?? DEFAULT_ANCHOR_DATE;
      x.pattern = k === 'custom' ? { cycle: [...cycleOf(x.pattern)], anchorDate } : { builtin: k as BuiltinPatternName, anchorDate };
    });
  return (
    <section class="card" aria-labelledby="pattern-title">
      <h3 id="pattern-title">{t('patternTitle')}</h3>
      <fieldset class="pattern-choice" disabled={readOnly}>
        <legend class="sr-only">{t('patternTitle')}</legend>
        {(Object.keys(BUILTIN_PATTERNS) as BuiltinPatternName[]).map((name) => (
          <label class="check">
            <input type="radio" name="pattern" value={name} checked={kind === name} onChange={() => choose(name)} />
            {t(`pattern_${name}` as 'pattern_custom')} <code>{BUILTIN_PATTERNS[name].join(' ')}</code> <RuleChip id={BUILTIN_RULE[name]} severity="info" />
          </label>
        ))}
        <label class="check">
          <input type="radio" name="pattern" value="custom" checked={kind === 'custom'} onChange={() => choose('custom')} />
          {t('pattern_custom')} <RuleChip id="ROT-3" severity="info" />
        </label>
      </fieldset>
      <div class="form-grid">
        {'cycle' in p ? (
          <Field label={t('fieldCycle')} path="pattern.cycle" htmlFor="pattern-cycle" wide>
            <ListInput id="pattern-cycle" path="pattern.cycle" value={p.cycle} readOnly={readOnly} placeholder="P S R" onValue={(v) => edit((x) => {
                if ('cycle' in x.pattern) x.pattern.cycle = v;
              })} />
            {p.cycle.map((_, j) => (
              <FieldIssues path={`pattern.cycle[${j}]`} />
            ))}
          </Field>
        ) : (
          <FieldIssues path="pattern.builtin" />
        )}
        <Field label={t('fieldAnchor')} path="pattern.anchorDate" htmlFor="pattern-anchor">
          <DateInput id="pattern-anchor" value={p.anchorDate ?? DEFAULT_ANCHOR_DATE} invalid={invalid('pattern.anchorDate')} onChange={(v) => edit((x) => { x.pattern.anchorDate = v; })} />
        </Field>
      </div>
      <p class="hint">{t('anchorHint')}</p>
    </section>
  );
}

/** Four weeks from next Monday, each group's shift code per day, from the draft as it is now. */
function Preview({ d }: { d: Draft }) {
  const dates = dateRange(nextMonday(localDate(new Date())), 28);
  const broken = issues.value.some((i) => i.path.startsWith('pattern') || i.path.startsWith('shiftTypes') || i.path.startsWith('groups'));
  const codeOf = (g: string, date: string): string | null => {
    try {
      return groupShiftCode(d, g, date);
    } catch {
      return null;
    }
  };
  const hoursOf = new Map(d.shiftTypes.map((s) => [s.code, s.hours]));
  return (
    <section class="card" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('previewTitle')}</h3>
      {broken ? <p class="alert warn">{t('previewBroken')}</p> : null}
      <div class="table-scroll">
        <table class="preview-table" aria-label={t('previewTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('fieldGroup')}</th>
              {dates.map((date) => (
                <th scope="col" class={isWeekend(date) ? 'weekend' : ''} title={formatDay(date, 'long')}>
                  <span class="wd">{weekdayShort(date)}</span>
                  <span class="dn">{Number(date.slice(8))}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.groups.map((g) => (
              <tr data-group-id={g.id}>
                <th scope="row">
                  {g.id} <span class="count">{d.people.filter((p) => p.group === g.id).length}</span>
                </th>
                {dates.map((date) => {
                  const code = codeOf(g.id, date);
                  const hours = code === null ? undefined : hoursOf.get(code);
                  return (
                    <td class={`${isWeekend(date) ? 'weekend ' : ''}${hours ? 'on' : 'off'}`} data-date={date} title={code ? `${code} · ${d.shiftTypes.find((s) => s.code === code)?.name ?? ''}` : ''}>
                      {code ?? '?'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function RotationScreen() {
  return (
    <SetupScreen title={t('screen_rotation')} intro={t('rotationIntro')}>
      {(d, readOnly) => (
        <>
          <ShiftTypes d={d} readOnly={readOnly} />
          <PatternEditor d={d} readOnly={readOnly} />
          <Preview d={d} />
        </>
      )}
    </SetupScreen>
  );
}
