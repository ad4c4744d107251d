// The roster store: the only door to DynamoDB. Handlers get one of these and never see keys or commands.
import { AuditTrail } from './audit.ts';
import { createStoreClient, type StoreClient } from './client.ts';
import { StationStore } from './stations.ts';

export type { Page } from './cursor.ts';
export { StoreBusyError } from './errors.ts';
export { newAuditId } from './audit.ts';

export class RosterStore {
  readonly audit: AuditTrail;
  readonly stations: StationStore;

  constructor(
    readonly client: StoreClient,
    readonly tableName: string,
  ) {
    this.audit = new AuditTrail(client, tableName);
    this.stations = new StationStore(client, tableName, this.audit);
  }
}

let fromEnvironment: RosterStore | undefined;

/** The store a Lambda (or the local server) uses: table from TABLE_NAME, endpoint from DYNAMODB_ENDPOINT if set. */
export function storeFromEnvironment(): RosterStore {
  fromEnvironment ??= new RosterStore(createStoreClient(), process.env.TABLE_NAME ?? 'roster');
  return fromEnvironment;
}

/** Lets the local server and tests point handlers at their own store. */
export function useStore(store: RosterStore): void {
  fromEnvironment = store;
}
