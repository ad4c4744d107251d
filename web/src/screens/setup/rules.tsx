// Set-up: Rules. Every station setting of the schema (shared/domain/station.ts, StationRules) with its value, its
// default (the schema's own), the rule it serves and that rule's meaning (shared/rules/catalogue.ts).
import { StationRules } from '../../../../shared/domain/station.ts';
import { RULES, type RuleId } from '../../../../shared/rules/catalogue.ts';
import { RULE_SENTENCES_ZH, lang, t, tx } from '../../i18n.ts';
import { RuleChip, ruleTitle } from '../roster/panels.tsx';
import { edit, type Draft } from './draft.ts';
import { FieldIssues, NumberInput, SetupScreen, hasIssuesUnder } from './common.tsx';

export type SettingKey = keyof typeof StationRules.shape;
export const SETTING_KEYS = Object.keys(StationRules.shape) as SettingKey[];
/** The schema's defaults; a setting without one is off until set. */
export const SETTING_DEFAULTS: Partial<Record<SettingKey, unknown>> = StationRules.parse({});

/** The rule each setting serves (the schema's comments name them; a test checks every setting has one). */
export const SETTING_RULE: Record<SettingKey, string> = {
  communityShare: 'CP-1',
  weeklyCommunityHours: 'CP-2',
  minRestHours: 'REST-1',
  maxConsecutiveNights: 'NIGHT-1',
  transferMinTenureYears: 'CP-6',
  minCommunityOfficerShare: 'CP-4',
  maxConsecutiveWorkingDays: 'SEQ-1',
  minConsecutiveDaysOff: 'SEQ-3',
  maxWorkedWeekends: 'WKD-1',
  maxShiftsOfType: 'TYPE-1',
};

/** The meaning of a rule in the page's language: the catalogue's sentence in English, the page's own in Chinese. */
export function ruleMeaning(id: string): string {
  const own = tx('ruleMeaning', id);
  if (lang() === 'en') return RULES[id as RuleId]?.sentence ?? (own !== id ? own : '');
  return RULE_SENTENCES_ZH[id] ?? (own !== id ? own : '');
}

const shown = (v: unknown): string => (v === undefined ? t('notSet') : typeof v === 'number' ? String(v) : JSON.stringify(v));

function ShiftLimits({ d, readOnly }: { d: Draft; readOnly: boolean }) {
  const limits = d.rules.maxShiftsOfType ?? {};
  return (
    <div class="shift-limits">
      {d.shiftTypes
        .filter((s) => s.hours > 0)
        .map((s) => (
          <span class="field inline">
            <label for={`limit-${s.code}`}>{s.code}</label>
            <NumberInput
              id={`limit-${s.code}`}
              path={`rules.maxShiftsOfType.${s.code}`}
              value={limits[s.code]}
              readOnly={readOnly}
              placeholder="—"
              onValue={(v) =>
                edit((x) => {
                  const next = { ...(x.rules.maxShiftsOfType ?? {}) };
                  if (v === undefined) delete next[s.code];
                  else next[s.code] = v as number;
                  if (Object.keys(next).length) x.rules.maxShiftsOfType = next;
                  else delete x.rules.maxShiftsOfType;
                })
              }
            />
            <FieldIssues path={`rules.maxShiftsOfType.${s.code}`} />
          </span>
        ))}
      {Object.keys(limits)
        .filter((code) => !d.shiftTypes.some((s) => s.code === code))
        .map((code) => (
          <FieldIssues path={`rules.maxShiftsOfType.${code}`} />
        ))}
    </div>
  );
}

export function RulesScreen() {
  return (
    <SetupScreen title={t('screen_rules')} intro={t('rulesIntro')}>
      {(d, readOnly) => (
        <section class="card">
          <div class="table-scroll">
            <table class="setup-table rules-table">
              <thead>
                <tr>
                  <th scope="col">{t('setting')}</th>
                  <th scope="col">{t('value')}</th>
                  <th scope="col">{t('default')}</th>
                  <th scope="col">{t('rule')}</th>
                  <th scope="col">{t('meaning')}</th>
                </tr>
              </thead>
              <tbody>
                {SETTING_KEYS.map((key) => {
                  const at = `rules.${key}`;
                  const rule = SETTING_RULE[key];
                  const value = (d.rules as Record<string, unknown>)[key];
                  return (
                    <tr data-setting={key} class={hasIssuesUnder(at) ? 'row-error' : ''}>
                      <th scope="row">
                        <label for={`rule-${key}`}>{tx('setting', key)}</label>
                        <code class="setting-key">{key}</code>
                      </th>
                      <td>
                        {key === 'maxShiftsOfType' ? (
                          <ShiftLimits d={d} readOnly={readOnly} />
                        ) : (
                          <>
                            <NumberInput
                              id={`rule-${key}`}
                              path={at}
                              value={value}
                              readOnly={readOnly}
                              placeholder={shown(SETTING_DEFAULTS[key])}
                              onValue={(v) =>
                                edit((x) => {
                                  const r = x.rules as Record<string, unknown>;
                                  if (v === undefined) {
                                    if (SETTING_DEFAULTS[key] === undefined) delete r[key];
                                    else r[key] = SETTING_DEFAULTS[key];
                                  } else r[key] = v;
                                })
                              }
                            />
                            <FieldIssues path={at} />
                          </>
                        )}
                      </td>
                      <td>{shown(SETTING_DEFAULTS[key])}</td>
                      <td>
                        <RuleChip id={rule} />
                        <span class="rule-title">{ruleTitle(rule)}</span>
                      </td>
                      <td class="meaning">{ruleMeaning(rule)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </SetupScreen>
  );
}
