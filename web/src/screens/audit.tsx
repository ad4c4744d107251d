// The audit trail: who did what and when, newest first, with filters (who, what, dates). A configuration change shows
// what changed (a person added, a field from → to) when its entry carries the changes (`detail.changes`).
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditEntry } from '../../../shared/domain/audit.ts';
import { json } from '../api.ts';
import { formatDay, lang, t, tx } from '../i18n.ts';
import { addDays, localDate } from '../model.ts';
import { personName, session, stationId } from '../state.ts';
import { DateInput } from '../ui/date-input.tsx';
import { ErrorBox } from '../ui/errors.tsx';

type Filters = { from: string; to: string; who: string; what: string };
const filters = signal<Filters>({ from: addDays(localDate(new Date()), -30), to: localDate(new Date()), who: '', what: '' });
const entries = signal<AuditEntry[] | null>(null);
const failure = signal<unknown>(null);
/** Pages read at most per load (500 entries each): a month of a station's trail fits many times over. */
const MAX_PAGES = 10;

async function load(): Promise<void> {
  const { from, to } = filters.value;
  entries.value = null;
  failure.value = null;
  try {
    const all: AuditEntry[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < MAX_PAGES; i += 1) {
      const query = new URLSearchParams({ from, to, limit: '500', ...(cursor ? { cursor } : {}) });
      const page: { items: AuditEntry[]; next: string | null } = await json('GET', `/stations/${encodeURIComponent(stationId.value)}/audit?${query}`);
      all.push(...page.items);
      cursor = page.next;
      if (!cursor) break;
    }
    entries.value = all.reverse();
  } catch (e) {
    failure.value = e;
    entries.value = [];
  }
}

/** One change of a configuration, as the API's audit entry records it (see shared/domain/station-changes.ts). */
export type Change = {
  kind: 'person.added' | 'person.removed' | 'person.changed' | 'item.added' | 'item.removed' | 'item.changed' | 'field.changed';
  personId?: string;
  name?: string;
  field?: string;
  id?: string;
  path?: string;
  from?: unknown;
  to?: unknown;
};

export function changesOf(entry: Pick<AuditEntry, 'detail'>): Change[] {
  const list = (entry.detail as { changes?: unknown }).changes;
  return Array.isArray(list) ? list.filter((c): c is Change => typeof c === 'object' && c !== null && typeof (c as Change).kind === 'string') : [];
}

const sep = () => (lang() === 'zh' ? '、' : ', ');

/** A value of a change as a person reads it: lists joined, nothing as a dash. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map(valueText).join(sep()) : '—';
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A field of a person or a path inside a section, in the page's language where the page knows it. */
function fieldText(section: string | undefined, path: string | undefined): string {
  if (!path) return tx('section', section ?? '');
  if (section === 'rules') {
    const key = path.split('.')[0]!;
    const name = tx('setting', key);
    return name === key ? path : name + path.slice(key.length);
  }
  const name = tx(section === 'people' ? 'personField' : 'itemField', path);
  return name === path ? path : name;
}

export function changeText(c: Change): string {
  switch (c.kind) {
    case 'person.added':
      return t('changePersonAdded', { name: c.name ?? '', id: c.personId ?? '' });
    case 'person.removed':
      return t('changePersonRemoved', { name: c.name ?? '', id: c.personId ?? '' });
    case 'person.changed':
      return t('changePerson', { name: c.name ?? '', id: c.personId ?? '', field: fieldText('people', c.field), from: valueText(c.from), to: valueText(c.to) });
    case 'item.added':
      return t('changeItemAdded', { section: tx('section', c.field ?? ''), id: c.id ?? '' });
    case 'item.removed':
      return t('changeItemRemoved', { section: tx('section', c.field ?? ''), id: c.id ?? '' });
    case 'item.changed':
      return t('changeItem', { section: tx('section', c.field ?? ''), id: c.id ?? '', field: fieldText(c.field, c.path), from: valueText(c.from), to: valueText(c.to) });
    default:
      return t('changeField', { field: c.field === 'rules' || !c.path ? fieldText(c.field, c.path) : `${tx('section', c.field ?? '')} · ${c.path}`, from: valueText(c.from), to: valueText(c.to) });
  }
}

const when = (at: string): string => {
  const d = new Date(at);
  return `${formatDay(localDate(d), 'date')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** The person who acted, or the system's own jobs in the page's language. */
const actorName = (sub: string): string => {
  const name = personName(sub);
  return name === sub ? tx('actor', sub) : name;
};

/**
 * The API's summary, in the language the page asked for. Entries written before summaries had catalogue keys hold
 * an English sentence only: in Chinese the page then names the action (the target's id is beside it).
 */
export function summaryOf(e: Pick<AuditEntry, 'summary' | 'summaryKey' | 'action' | 'target'>): string {
  if (e.summaryKey || lang() === 'en') return e.summary;
  return tx('action', e.action);
}

function Entry({ e }: { e: AuditEntry }) {
  const changes = changesOf(e);
  return (
    <li class="audit-entry" data-action={e.action} data-id={e.id}>
      <div class="issue-head">
        <time dateTime={e.at}>{when(e.at)}</time>
        <strong>{actorName(e.actor.sub)}</strong>
        <span class="action-badge">{tx('action', e.action)}</span>
        <code>{e.target.id}</code>
      </div>
      <p class="reason">{summaryOf(e)}</p>
      {changes.length ? (
        <ul class="changes" aria-label={t('changes')}>
          {changes.map((c) => (
            <li class={`change change-${c.kind.replace('.', '-')}`}>{changeText(c)}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function AuditScreen() {
  const s = session.value;
  useEffect(() => void load(), [s]);
  const f = filters.value;
  const list = entries.value;
  const set = (k: keyof Filters, v: string) => (filters.value = { ...filters.value, [k]: v });
  const who = [...new Set((list ?? []).map((e) => e.actor.sub))].sort();
  const shown = (list ?? []).filter((e) => (!f.who || e.actor.sub === f.who) && (!f.what || e.action === f.what));
  return (
    <>
      <section class="card setup-head" aria-labelledby="audit-title">
        <h2 id="audit-title">{t('screen_audit')}</h2>
        <p class="intro">{t('auditIntro')}</p>
        <search class="filters" aria-label={t('filters')}>
          <div class="field">
            <label for="audit-from">{t('requestFrom')}</label>
            <DateInput id="audit-from" value={f.from} onChange={(v) => {
              set('from', v);
              void load();
            }} />
          </div>
          <div class="field">
            <label for="audit-to">{t('requestTo')}</label>
            <DateInput id="audit-to" value={f.to} onChange={(v) => {
              set('to', v);
              void load();
            }} />
          </div>
          <div class="field">
            <label for="audit-who">{t('auditWho')}</label>
            <select id="audit-who" value={f.who} onChange={(e) => set('who', (e.target as HTMLSelectElement).value)}>
              <option value="">{t('all')}</option>
              {who.map((id) => (
                <option value={id}>{actorName(id)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="audit-what">{t('auditWhat')}</label>
            <select id="audit-what" value={f.what} onChange={(e) => set('what', (e.target as HTMLSelectElement).value)}>
              <option value="">{t('all')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option value={a}>{tx('action', a)}</option>
              ))}
            </select>
          </div>
        </search>
      </section>
      <section class="card">
        {failure.value ? <ErrorBox error={failure.value} /> : null}
        {list === null ? (
          <p class="muted">{t('loading')}</p>
        ) : shown.length ? (
          <>
            <p class="hint">{t('auditCount', { shown: shown.length, total: list.length })}</p>
            <ol class="audit-list" aria-label={t('screen_audit')}>
              {shown.map((e) => (
                <Entry key={e.id} e={e} />
              ))}
            </ol>
          </>
        ) : (
          <p class="muted">{t('auditNone')}</p>
        )}
      </section>
    </>
  );
}
