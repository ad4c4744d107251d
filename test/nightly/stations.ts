// Generated stations put into a test store, the way the stations API stores them.
import { generateStation, type GeneratedPattern } from '../../bench/generate-station.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { newAuditId, type RosterStore } from '../../shared/store/index.ts';

export async function putStation(store: RosterStore, stationId: string, config: StationConfig): Promise<void> {
  const at = new Date();
  await store.stations.put(stationId, config, {
    expectedVersion: null,
    entry: {
      id: newAuditId(at),
      stationId,
      at: at.toISOString(),
      actor: { sub: 'test', groups: ['admin'], stationId: null },
      action: 'station.configured',
      target: { kind: 'station', id: stationId },
      summary: `test station ${stationId}`,
      detail: { version: 1 },
    },
  });
}

export async function putGeneratedStation(store: RosterStore, stationId: string, people = 20, seed = 1, pattern?: GeneratedPattern): Promise<StationConfig> {
  const config = StationConfig.parse(generateStation({ people, seed, ...(pattern ? { pattern } : {}) }));
  await putStation(store, stationId, config);
  return config;
}
