// What a configuration change did, as the audit entry records it: the stored record's own fields (id, version,
// updatedAt, updatedBy) are not changes of the configuration, so a PUT of the document as read lists only real changes.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { diffStation } from '../shared/domain/station-changes.ts';
import type { StationConfig, StationRecord } from '../shared/domain/station.ts';

const demo = JSON.parse(await readFile(new URL('../demo/station.json', import.meta.url), 'utf8')) as StationConfig;

describe('diffStation', () => {
  it('compares a stored record with a new document by the configuration alone', () => {
    const stored: StationRecord = { ...structuredClone(demo), id: 'demo', version: 3, updatedAt: '2026-11-30T06:00:00.000Z', updatedBy: 'P001' };
    const next = structuredClone(demo);
    expect(diffStation(stored, next)).toEqual([]);
    next.rules.weeklyCommunityHours = 30;
    expect(diffStation(stored, next)).toEqual([{ kind: 'field.changed', field: 'rules', path: 'weeklyCommunityHours', from: 36, to: 30 }]);
  });
});
