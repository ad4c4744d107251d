// Ids of the day-to-day records: a prefix, the creation instant in base 36 (ids sort by age) and random hex digits;
// free of the separators keys use.
import { randomBytes } from 'node:crypto';
import type { StationConfig, StationRecord } from '../domain/station.ts';

export const newId = (prefix: 'ab' | 'pin' | 'lv' | 'sw', now: Date = new Date()): string =>
  `${prefix}_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;

/** The configuration part of a stored station (what a PUT would send). */
export function configOf(record: StationRecord): StationConfig {
  const { id: _id, version: _version, updatedAt: _at, updatedBy: _by, ...config } = record;
  return config;
}
