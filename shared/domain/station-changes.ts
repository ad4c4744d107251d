// What a configuration change did: a structural diff of the station document (person added or removed, a field from
// → to), kept in the audit entry, and the summary sentence built from it (rendered in the reader's language).
import { z } from 'zod';
import { JsonValue, say, type Json, type Said } from '../i18n/index.ts';
import type { StationConfig } from './station.ts';

const SECTIONS = ['name', 'timezone', 'rules', 'shiftTypes', 'pattern', 'groups', 'communities', 'people', 'demand', 'absences', 'reinforcedDuty', 'pins'] as const;

/**
 * One change. `field` is the top-level section (`people`, `rules`, …) or, for a person, the field of the person
 * (`group`, `skills`, `community.role`); `path` is the place inside a section or item (`maxConsecutiveNights`).
 */
export const ConfigChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person.added'), personId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('person.removed'), personId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('person.changed'), personId: z.string(), name: z.string(), field: z.string(), from: JsonValue, to: JsonValue }),
  z.object({ kind: z.literal('item.added'), field: z.string(), id: z.string() }),
  z.object({ kind: z.literal('item.removed'), field: z.string(), id: z.string() }),
  z.object({ kind: z.literal('item.changed'), field: z.string(), id: z.string(), path: z.string(), from: JsonValue, to: JsonValue }),
  z.object({ kind: z.literal('field.changed'), field: z.string(), path: z.string(), from: JsonValue, to: JsonValue }),
]);
export type ConfigChange = z.infer<typeof ConfigChange>;

export function changedSections(before: StationConfig | null, after: StationConfig): string[] {
  if (!before) return [...SECTIONS];
  return SECTIONS.filter((section) => JSON.stringify(before[section]) !== JSON.stringify(after[section]));
}

const RECORD_FIELDS = new Set(['id', 'version', 'updatedAt', 'updatedBy']);
type Obj = { [key: string]: Json };
const toJson = (v: unknown): Json => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as Json));
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Leaf differences between two values: nested objects are walked, arrays and scalars compared whole. */
function leaves(a: unknown, b: unknown, path: string, out: { path: string; from: Json; to: Json }[]): void {
  if (same(a, b)) return;
  if (isObj(a) && isObj(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) leaves(a[key], b[key], path ? `${path}.${key}` : key, out);
    return;
  }
  out.push({ path, from: toJson(a), to: toJson(b) });
}

/** How the items of a list section are told apart (their id, else what makes them one). */
const ITEM_KEYS: Record<string, (item: Obj) => string> = {
  shiftTypes: (i) => String(i.code),
  groups: (i) => String(i.id),
  communities: (i) => String(i.id),
  people: (i) => String(i.id),
  demand: (i) => `${String(i.post)}/${String(i.shift)}${Array.isArray(i.weekdays) ? `/${i.weekdays.join('')}` : ''}${i.days ? `/${String(i.days)}` : ''}`,
  absences: (i) => (typeof i.id === 'string' ? i.id : `${String(i.personId)}/${String(i.from)}`),
  reinforcedDuty: (i) => `${String(i.from)}..${String(i.to)}`,
};

/** Every change from `before` to `after`, section by section, in the document's order. */
export function diffStation(before: StationConfig, after: StationConfig): ConfigChange[] {
  const out: ConfigChange[] = [];
  const a = toJson(before) as Obj;
  const b = toJson(after) as Obj;
  // The record's own fields (id, version, updatedAt, updatedBy) are not configuration.
  const sections = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !RECORD_FIELDS.has(k));
  for (const field of sections) {
    if (same(a[field], b[field])) continue;
    const keyOf = ITEM_KEYS[field];
    const listA = a[field];
    const listB = b[field];
    if (keyOf && Array.isArray(listA ?? []) && Array.isArray(listB ?? [])) {
      const itemsA = new Map(((listA ?? []) as Json[]).filter(isObj).map((i) => [keyOf(i), i]));
      const itemsB = new Map(((listB ?? []) as Json[]).filter(isObj).map((i) => [keyOf(i), i]));
      for (const [id, item] of itemsA)
        if (!itemsB.has(id))
          out.push(field === 'people' ? { kind: 'person.removed', personId: id, name: String(item.name ?? '') } : { kind: 'item.removed', field, id });
      for (const [id, item] of itemsB) {
        const old = itemsA.get(id);
        if (!old) {
          out.push(field === 'people' ? { kind: 'person.added', personId: id, name: String(item.name ?? '') } : { kind: 'item.added', field, id });
          continue;
        }
        const diffs: { path: string; from: Json; to: Json }[] = [];
        leaves(old, item, '', diffs);
        for (const d of diffs)
          out.push(
            field === 'people'
              ? { kind: 'person.changed', personId: id, name: String(item.name ?? ''), field: d.path, from: d.from, to: d.to }
              : { kind: 'item.changed', field, id, path: d.path, from: d.from, to: d.to },
          );
      }
      continue;
    }
    const diffs: { path: string; from: Json; to: Json }[] = [];
    leaves(a[field], b[field], '', diffs);
    for (const d of diffs) out.push({ kind: 'field.changed', field, path: d.path, from: d.from, to: d.to });
  }
  return out;
}

/** The audit summary of a configuration change: created, unchanged, or the sections with what changed in them. */
export function describeConfigChange(before: StationConfig | null, after: StationConfig): Said & { changes: ConfigChange[] } {
  if (!before) return { ...say('audit.station.created', { name: after.name, people: after.people.length }), changes: [] };
  const changes = diffStation(before, after);
  if (changes.length === 0) return { ...say('audit.station.unchanged'), changes };
  return { ...say('audit.station.changed', { sections: changedSections(before, after), changes: changes as unknown as Json[] }), changes };
}
