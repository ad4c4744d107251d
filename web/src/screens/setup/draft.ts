// The set-up screens edit one draft of the station together: it is copied from the station as read (with its
// version), checked on every edit by the core's own validation (shared/domain/station.ts), and saved whole with
// PUT /stations/{id} and If-Match: "<version read>". A 409 means someone else saved first: the user may reload the
// station and keep their own edits on top of it (rebase below).
import { computed, signal } from '@preact/signals';
import { validateStationConfig, type StationConfig } from '../../../../shared/domain/station.ts';
import { formatPath } from '../../../../shared/domain/errors.ts';
import { ApiError, request } from '../../api.ts';
import { lang } from '../../i18n.ts';
import type { Station } from '../../model.ts';
import { loadStation, station, stationId } from '../../state.ts';
import { setLeaveGuard } from '../../ui/leave-guard.tsx';
import './issue-text.ts';

/** What the set-up screens edit: the station document without the read-only fields the API adds. */
export type Draft = StationConfig & Record<string, unknown>;

const READ_ONLY = ['id', 'version', 'updatedAt', 'updatedBy'] as const;

export function configOf(st: Station): Draft {
  const copy = structuredClone(st) as Record<string, unknown>;
  for (const k of READ_ONLY) delete copy[k];
  return copy as Draft;
}

/** The station as it was read when editing began (its version goes into If-Match). */
export const base = signal<Station | null>(null);
export const draft = signal<Draft | null>(null);
export type SaveState = { kind: 'saving' } | { kind: 'saved'; version: number } | { kind: 'conflict' } | { kind: 'invalid' } | { kind: 'error'; error: unknown } | null;
export const saveState = signal<SaveState>(null);
/** Set once the user has pressed save: from then on every bad field shows its error (before, only touched ones). */
export const showAll = signal(false);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const dirty = computed(() => {
  const d = draft.value;
  const b = base.value;
  return d !== null && b !== null && !same(d, configOf(b));
});

export type Issue = { path: string; message: string };

/** Every problem of the draft, by the core's rules: shape, ranges, references, duplicates. */
export const issues = computed<Issue[]>(() => {
  const d = draft.value;
  void lang(); // zod's own messages follow the page's language (issue-text.ts sets its locale)
  if (!d) return [];
  const result = validateStationConfig(d);
  return result.ok ? [] : result.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
});

/** path → its problems, for showing each beside its input. */
export const issuesByPath = computed(() => {
  const map = new Map<string, string[]>();
  for (const i of issues.value) map.set(i.path, [...(map.get(i.path) ?? []), i.message]);
  return map;
});

/** Starts editing the station as read, unless there is a draft of it already (moving between set-up screens). */
export function openDraft(st: Station | null): void {
  if (!st) return;
  if (draft.value && base.value?.id === st.id && (dirty.value || base.value?.version === st.version)) return;
  base.value = st;
  draft.value = configOf(st);
  saveState.value = null;
  showAll.value = false;
}

/** Changes the draft: `fn` gets a copy to change (the signal then holds the new copy). */
export function edit(fn: (d: Draft) => void): void {
  const d = draft.value;
  if (!d) return;
  const next = structuredClone(d);
  fn(next);
  draft.value = next;
  if (saveState.value?.kind !== 'conflict') saveState.value = null;
}

export function discard(): void {
  if (base.value) draft.value = configOf(base.value);
  saveState.value = null;
  showAll.value = false;
}

setLeaveGuard({ dirty: () => dirty.value, discard });

export async function save(): Promise<void> {
  const d = draft.value;
  const b = base.value;
  if (!d || !b) return;
  showAll.value = true;
  if (issues.value.length) {
    saveState.value = { kind: 'invalid' };
    return;
  }
  saveState.value = { kind: 'saving' };
  try {
    const res = await request('PUT', `/stations/${encodeURIComponent(stationId.value)}`, d, { headers: { 'if-match': `"${b.version ?? 0}"` } });
    const saved = (await res.json()) as Station;
    station.value = saved;
    base.value = saved;
    draft.value = configOf(saved);
    showAll.value = false;
    saveState.value = { kind: 'saved', version: saved.version ?? 0 };
  } catch (e) {
    saveState.value = e instanceof ApiError && e.status === 409 ? { kind: 'conflict' } : { kind: 'error', error: e };
  }
}

/** After a 409: read the station again and put this user's edits on top of it. */
export async function reloadKeepingEdits(): Promise<void> {
  const d = draft.value;
  const b = base.value;
  if (!d || !b) return;
  try {
    const latest = await loadStation();
    draft.value = rebase(configOf(b), d, configOf(latest));
    base.value = latest;
    saveState.value = null;
  } catch (e) {
    saveState.value = { kind: 'error', error: e };
  }
}

/** The key that identifies an entry of a list section, so that edits follow the entry, not its index. */
const KEYS: Record<string, string> = { people: 'id', groups: 'id', communities: 'id', shiftTypes: 'code' };

/**
 * Three-way merge of a station document: the user's changes (from `before` to `mine`) applied to `theirs`.
 * Lists with ids merge entry by entry (added, removed, changed); other sections are taken whole from the side that
 * changed them, the user's side when both did.
 */
export function rebase(before: Draft, mine: Draft, theirs: Draft): Draft {
  const out = structuredClone(theirs) as Record<string, unknown>;
  const b = before as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  for (const section of new Set([...Object.keys(b), ...Object.keys(m)])) {
    if (same(b[section], m[section])) continue;
    const key = KEYS[section];
    if (key && Array.isArray(b[section]) && Array.isArray(m[section]) && Array.isArray(out[section])) {
      out[section] = mergeList(b[section] as Record<string, unknown>[], m[section] as Record<string, unknown>[], out[section] as Record<string, unknown>[], key);
    } else if (m[section] === undefined) delete out[section];
    else out[section] = structuredClone(m[section]);
  }
  return out as Draft;
}

function mergeList(before: Record<string, unknown>[], mine: Record<string, unknown>[], theirs: Record<string, unknown>[], key: string): Record<string, unknown>[] {
  const id = (x: Record<string, unknown>) => String(x[key]);
  const beforeById = new Map(before.map((x) => [id(x), x]));
  const mineById = new Map(mine.map((x) => [id(x), x]));
  const out: Record<string, unknown>[] = [];
  for (const t of theirs) {
    const k = id(t);
    const old = beforeById.get(k);
    const mineNow = mineById.get(k);
    if (old && !mineNow) continue; // I removed it
    if (old && mineNow && !same(old, mineNow)) out.push(structuredClone(mineNow)); // I changed it
    else out.push(t);
  }
  const present = new Set(out.map(id));
  for (const x of mine) if (!beforeById.has(id(x)) && !present.has(id(x))) out.push(structuredClone(x)); // I added it
  return out;
}
