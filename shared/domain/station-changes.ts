// What a configuration change did, in the words the audit trail shows.
import type { StationConfig } from './station.ts';

const SECTIONS = ['name', 'timezone', 'rules', 'shiftTypes', 'pattern', 'groups', 'communities', 'people', 'demand', 'absences', 'reinforcedDuty', 'pins'] as const;

export function changedSections(before: StationConfig | null, after: StationConfig): string[] {
  if (!before) return [...SECTIONS];
  return SECTIONS.filter((section) => JSON.stringify(before[section]) !== JSON.stringify(after[section]));
}

export function describeConfigChange(before: StationConfig | null, after: StationConfig): string {
  if (!before) return `created the station "${after.name}" with ${after.people.length} people`;
  const sections = changedSections(before, after);
  return sections.length === 0 ? 'saved the configuration without changes' : `changed ${sections.join(', ')}`;
}
