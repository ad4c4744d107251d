// Set-up: Staff. Everyone of the station in one table (filters, selection for bulk changes of group or skills) and a
// form for the person being edited or added. Edits go into the set-up draft (draft.ts) until saved.
import { signal } from '@preact/signals';
import { RANKS, type Person } from '../../../../shared/domain/station.ts';
import { formatDay, lang, t, tx } from '../../i18n.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { edit, type Draft } from './draft.ts';
import { Field, ListInput, SetupScreen, TextInput, aria, hasIssuesUnder, invalid, today } from './common.tsx';
import { StaffImport } from './staff-import.tsx';

type Filters = { text: string; kind: string; group: string; community: string; skill: string };
const filters = signal<Filters>({ text: '', kind: '', group: '', community: '', skill: '' });
const selected = signal<ReadonlySet<string>>(new Set());
/** Index in people[] of the person in the form, or null. */
const editing = signal<number | null>(null);
const bulkGroup = signal('');
const bulkSkill = signal('');

const skillName = (s: string) => tx('skill', s);
const listSep = () => (lang() === 'zh' ? '、' : ', ');

export function matches(p: Person, f: Filters): boolean {
  const text = f.text.trim().toLowerCase();
  if (text && !p.name.toLowerCase().includes(text) && !p.id.toLowerCase().includes(text)) return false;
  if (f.kind && p.kind !== f.kind) return false;
  if (f.group && (f.group === '-' ? p.group !== null : p.group !== f.group)) return false;
  if (f.community && (f.community === '-' ? p.community !== undefined : p.community?.id !== f.community)) return false;
  if (f.skill && !p.skills.includes(f.skill)) return false;
  return true;
}

/** The next free id like the station's own (P066 after P065). */
export function nextPersonId(people: readonly Pick<Person, 'id'>[]): string {
  const ids = new Set(people.map((p) => p.id));
  const numbered = people.map((p) => /^([A-Za-z]*)(\d+)$/.exec(p.id)).filter((m): m is RegExpExecArray => m !== null);
  const prefix = numbered[0]?.[1] ?? 'P';
  const width = numbered[0]?.[2]?.length ?? 3;
  let n = Math.max(0, ...numbered.map((m) => Number(m[2]))) + 1;
  while (ids.has(`${prefix}${String(n).padStart(width, '0')}`)) n += 1;
  return `${prefix}${String(n).padStart(width, '0')}`;
}

const knownSkills = (d: Draft): string[] => [...new Set([...d.demand.flatMap((x) => x.skills ?? []), ...d.people.flatMap((p) => p.skills ?? [])])].sort();

function PersonForm({ d, index, readOnly }: { d: Draft; index: number; readOnly: boolean }) {
  const p = d.people[index];
  if (!p) return null;
  const at = `people[${index}]`;
  const set = (fn: (p: Person) => void) => edit((x) => fn(x.people[index]!));
  const id = (f: string) => `person-${f}`;
  return (
    <section class="card person-form" aria-labelledby="person-form-title" data-index={index}>
      <div class="setup-title-row">
        <h3 id="person-form-title">{t('editPerson', { name: p.name || '—', id: p.id || '—' })}</h3>
        <div class="actions-row">
          {readOnly ? null : (
            <button
              type="button"
              class="reject"
              onClick={() => {
                edit((x) => void x.people.splice(index, 1));
                editing.value = null;
              }}
            >
              {t('removePerson')}
            </button>
          )}
          <button type="button" class="secondary" onClick={() => (editing.value = null)}>
            {t('closeForm')}
          </button>
        </div>
      </div>
      <div class="form-grid">
        <Field label={t('fieldName')} path={`${at}.name`} htmlFor={id('name')}>
          <TextInput id={id('name')} path={`${at}.name`} value={p.name} readOnly={readOnly} onValue={(v) => set((q) => { q.name = v; })} />
        </Field>
        <Field label={t('fieldId')} path={`${at}.id`} htmlFor={id('id')}>
          <TextInput id={id('id')} path={`${at}.id`} value={p.id} readOnly={readOnly} onValue={(v) => set((q) => { q.id = v; })} />
        </Field>
        <Field label={t('fieldKind')} path={`${at}.kind`} htmlFor={id('kind')}>
          <select
            id={id('kind')}
            value={p.kind}
            disabled={readOnly}
            {...aria(`${at}.kind`)}
            onChange={(e) =>
              set((q) => {
                q.kind = (e.target as HTMLSelectElement).value as Person['kind'];
                if (q.kind === 'auxiliary') q.rank = 'auxiliary';
                else if (q.rank === 'auxiliary') q.rank = 'officer';
              })
            }
          >
            {(['officer', 'auxiliary'] as const).map((k) => (
              <option value={k}>{tx('personKind', k)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('fieldRank')} path={`${at}.rank`} htmlFor={id('rank')}>
          <select id={id('rank')} value={p.rank} disabled={readOnly} {...aria(`${at}.rank`)} onChange={(e) => set((q) => { q.rank = (e.target as HTMLSelectElement).value as Person['rank']; })}>
            {RANKS.map((r) => (
              <option value={r}>{tx('role', r)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('fieldGroup')} path={`${at}.group`} htmlFor={id('group')}>
          <select id={id('group')} value={p.group ?? ''} disabled={readOnly} {...aria(`${at}.group`)} onChange={(e) => set((q) => { q.group = (e.target as HTMLSelectElement).value || null; })}>
            <option value="">{t('noGroup')}</option>
            {d.groups.map((g) => (
              <option value={g.id}>{g.name ? `${g.id} · ${g.name}` : g.id}</option>
            ))}
            {p.group && !d.groups.some((g) => g.id === p.group) ? <option value={p.group}>{p.group}</option> : null}
          </select>
        </Field>
        <Field label={t('fieldSkills')} path={`${at}.skills`} htmlFor={id('skills')}>
          <ListInput id={id('skills')} path={`${at}.skills`} value={p.skills} readOnly={readOnly} placeholder={knownSkills(d).join(', ')} onValue={(v) => set((q) => { q.skills = v; })} />
          <span class="hint">{t('skillsHint', { known: knownSkills(d).map((s) => `${s} (${skillName(s)})`).join(listSep()) })}</span>
        </Field>
        <Field label={t('fieldJoined')} path={`${at}.joined`} htmlFor={id('joined')}>
          <DateInput id={id('joined')} value={p.joined} invalid={invalid(`${at}.joined`)} onChange={(v) => set((q) => { q.joined = v; })} />
        </Field>
        <Field label={t('fieldCommunity')} path={`${at}.community.id`} htmlFor={id('community')}>
          <select
            id={id('community')}
            value={p.community?.id ?? ''}
            disabled={readOnly}
            {...aria(`${at}.community.id`)}
            onChange={(e) =>
              set((q) => {
                const c = (e.target as HTMLSelectElement).value;
                if (!c) delete q.community;
                else q.community = q.community ? { ...q.community, id: c } : { id: c, role: 'B', dedicated: q.kind === 'officer', since: today() };
              })
            }
          >
            <option value="">{t('noCommunity')}</option>
            {d.communities.map((c) => (
              <option value={c.id}>{`${c.id} · ${c.name}`}</option>
            ))}
          </select>
        </Field>
        {p.community ? (
          <>
            <Field label={t('fieldRole')} path={`${at}.community.role`} htmlFor={id('role')}>
              <select id={id('role')} value={p.community.role} disabled={readOnly} onChange={(e) => set((q) => { q.community!.role = (e.target as HTMLSelectElement).value as 'A' | 'B'; })}>
                <option value="A">{t('roleALong')}</option>
                <option value="B">{t('roleBLong')}</option>
              </select>
            </Field>
            <Field label={t('fieldDedicated')} path={`${at}.community.dedicated`} htmlFor={id('dedicated')}>
              <label class="check">
                <input id={id('dedicated')} type="checkbox" checked={p.community.dedicated} disabled={readOnly} {...aria(`${at}.community.dedicated`)} onChange={(e) => set((q) => { q.community!.dedicated = (e.target as HTMLInputElement).checked; })} />
                {t('dedicatedYes')}
              </label>
            </Field>
            <Field label={t('fieldSince')} path={`${at}.community.since`} htmlFor={id('since')}>
              <DateInput id={id('since')} value={p.community.since} invalid={invalid(`${at}.community.since`)} onChange={(v) => set((q) => { q.community!.since = v; })} />
            </Field>
          </>
        ) : null}
      </div>
    </section>
  );
}

function Filters({ d }: { d: Draft }) {
  const f = filters.value;
  const set = (k: keyof Filters) => (e: Event) => (filters.value = { ...filters.value, [k]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  return (
    <search class="filters" aria-label={t('filters')}>
      <div class="field">
        <label for="f-text">{t('filterText')}</label>
        <input id="f-text" type="search" value={f.text} onInput={set('text')} />
      </div>
      <div class="field">
        <label for="f-kind">{t('fieldKind')}</label>
        <select id="f-kind" value={f.kind} onChange={set('kind')}>
          <option value="">{t('all')}</option>
          <option value="officer">{tx('personKind', 'officer')}</option>
          <option value="auxiliary">{tx('personKind', 'auxiliary')}</option>
        </select>
      </div>
      <div class="field">
        <label for="f-group">{t('fieldGroup')}</label>
        <select id="f-group" value={f.group} onChange={set('group')}>
          <option value="">{t('all')}</option>
          <option value="-">{t('noGroup')}</option>
          {d.groups.map((g) => (
            <option value={g.id}>{g.id}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-community">{t('fieldCommunity')}</label>
        <select id="f-community" value={f.community} onChange={set('community')}>
          <option value="">{t('all')}</option>
          <option value="-">{t('noCommunity')}</option>
          {d.communities.map((c) => (
            <option value={c.id}>{`${c.id} · ${c.name}`}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-skill">{t('fieldSkills')}</label>
        <select id="f-skill" value={f.skill} onChange={set('skill')}>
          <option value="">{t('all')}</option>
          {knownSkills(d).map((s) => (
            <option value={s}>{skillName(s)}</option>
          ))}
        </select>
      </div>
    </search>
  );
}

function BulkBar({ d, readOnly }: { d: Draft; readOnly: boolean }) {
  const ids = selected.value;
  if (readOnly || ids.size === 0) return null;
  const apply = (fn: (p: Person) => void) => edit((x) => {
      for (const p of x.people) if (ids.has(p.id)) fn(p);
    });
  return (
    <fieldset class="bulk-bar" aria-label={t('bulkTitle')}>
      <strong>{t('selectedCount', { n: ids.size })}</strong>
      <label for="bulk-group">{t('bulkGroup')}</label>
      <select id="bulk-group" value={bulkGroup.value} onChange={(e) => (bulkGroup.value = (e.target as HTMLSelectElement).value)}>
        <option value="">{t('noGroup')}</option>
        {d.groups.map((g) => (
          <option value={g.id}>{g.id}</option>
        ))}
      </select>
      <button type="button" class="secondary" onClick={() => apply((p) => { p.group = bulkGroup.value || null; })}>
        {t('applyGroup')}
      </button>
      <label for="bulk-skill">{t('bulkSkill')}</label>
      <input id="bulk-skill" type="text" size={12} list="known-skills" value={bulkSkill.value} onInput={(e) => (bulkSkill.value = (e.target as HTMLInputElement).value.trim())} />
      <datalist id="known-skills">
        {knownSkills(d).map((s) => (
          <option value={s}>{skillName(s)}</option>
        ))}
      </datalist>
      <button type="button" class="secondary" disabled={!bulkSkill.value} onClick={() => apply((p) => { p.skills = [...new Set([...p.skills, bulkSkill.value])]; })}>
        {t('addSkill')}
      </button>
      <button type="button" class="secondary" disabled={!bulkSkill.value} onClick={() => apply((p) => { p.skills = p.skills.filter((s) => s !== bulkSkill.value); })}>
        {t('removeSkill')}
      </button>
      <button type="button" class="link-button" onClick={() => (selected.value = new Set())}>
        {t('clearSelection')}
      </button>
    </fieldset>
  );
}

function StaffTable({ d, readOnly }: { d: Draft; readOnly: boolean }) {
  const f = filters.value;
  const rows = d.people.map((p, i) => ({ p, i })).filter(({ p }) => matches(p, f));
  const ids = selected.value;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(ids);
    if (on) next.add(id);
    else next.delete(id);
    selected.value = next;
  };
  const allOn = rows.length > 0 && rows.every(({ p }) => ids.has(p.id));
  return (
    <div class="table-scroll tall">
      <table class="setup-table staff-table" aria-label={t('screen_staff')}>
        <caption>{t('staffCount', { shown: rows.length, total: d.people.length })}</caption>
        <thead>
          <tr>
            <th scope="col">
              {readOnly ? null : <input type="checkbox" aria-label={t('selectAll')} checked={allOn} onChange={(e) => (selected.value = (e.target as HTMLInputElement).checked ? new Set([...ids, ...rows.map(({ p }) => p.id)]) : new Set())} />}
            </th>
            <th scope="col">{t('fieldName')}</th>
            <th scope="col">{t('fieldId')}</th>
            <th scope="col">{t('fieldKind')}</th>
            <th scope="col">{t('fieldRank')}</th>
            <th scope="col">{t('fieldGroup')}</th>
            <th scope="col">{t('fieldSkills')}</th>
            <th scope="col">{t('fieldCommunity')}</th>
            <th scope="col">{t('fieldRoleShort')}</th>
            <th scope="col">{t('fieldDedicated')}</th>
            <th scope="col">{t('fieldSince')}</th>
            <th scope="col">{t('fieldJoined')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ p, i }) => (
            <tr data-person-id={p.id} data-index={i} class={`${hasIssuesUnder(`people[${i}]`) ? 'row-error' : ''}${editing.value === i ? ' row-editing' : ''}`}>
              <td>{readOnly ? null : <input type="checkbox" aria-label={t('selectPerson', { name: p.name })} checked={ids.has(p.id)} onChange={(e) => toggle(p.id, (e.target as HTMLInputElement).checked)} />}</td>
              <th scope="row">{p.name}</th>
              <td>
                <code>{p.id}</code>
              </td>
              <td>{tx('personKind', p.kind)}</td>
              <td>{tx('role', p.rank)}</td>
              <td>{p.group ?? '—'}</td>
              <td>{p.skills.map(skillName).join(listSep()) || '—'}</td>
              <td>{p.community ? `${p.community.id} · ${d.communities.find((c) => c.id === p.community!.id)?.name ?? ''}` : '—'}</td>
              <td>{p.community?.role ?? '—'}</td>
              <td>{p.community ? (p.community.dedicated ? t('yes') : t('no')) : '—'}</td>
              <td>{p.community?.since ? formatDay(p.community.since, 'date') : '—'}</td>
              <td>{formatDay(p.joined, 'date')}</td>
              <td>
                <button type="button" class="link-button" aria-label={t('editPersonShort', { name: p.name })} onClick={() => (editing.value = i)}>
                  {readOnly ? t('view') : t('edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StaffScreen() {
  return (
    <SetupScreen title={t('screen_staff')} intro={t('staffIntro')}>
      {(d, readOnly) => (
        <>
          <section class="card">
            <div class="setup-title-row">
              <Filters d={d} />
              {readOnly ? null : (
                <button
                  type="button"
                  class="primary"
                  onClick={() => {
                    const id = nextPersonId(d.people);
                    edit((x) => void x.people.push({ id, name: '', kind: 'officer', rank: 'officer', group: null, skills: [], joined: today() }));
                    editing.value = d.people.length;
                    filters.value = { text: '', kind: '', group: '', community: '', skill: '' };
                  }}
                >
                  {t('addPerson')}
                </button>
              )}
            </div>
            <BulkBar d={d} readOnly={readOnly} />
          </section>
          {editing.value !== null ? <PersonForm d={d} index={editing.value} readOnly={readOnly} /> : null}
          <section class="card">
            <StaffTable d={d} readOnly={readOnly} />
          </section>
          <StaffImport />
        </>
      )}
    </SetupScreen>
  );
}
