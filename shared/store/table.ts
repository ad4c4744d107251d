// The single-table design. Every key the product uses is built here and nowhere else.
//
//   item                 pk                         sk                        GSI1 (gsi1pk / gsi1sk)
//   station config       STATION#<stationId>        CONFIG                    STATIONS / <stationId>     (nightly paging)
//   plan (head)          STATION#<stationId>        PLAN#<planId>             PLANS#<stationId> / <start>#<planId>
//   plan body chunk      STATION#<stationId>        PLAN#<planId>#PART#<n>    -
//   redeployment         STATION#<stationId>        RD#<id>                   RD#<stationId>#<status> / <createdAt>#<id>
//   audit entry          AUDIT#<stationId>          <at>#<entryId>            -
//   nightly run marker   STATION#<stationId>        NIGHTLY#<night>           -                          (expiresAt: TTL)
//   official calendar    CALENDAR                   YEAR#<year>               -                          (audit trail AUDIT#_calendar)
//   station summary      BRANCH#<branchId>          STATION#<stationId>       -                          (branch page)
//
// The station summary is the branch's view of one station (docs/branches.md): rewritten after every change that can
// move its figures, so that `GET /branches/{id}/stations` is one Query on the branch's partition, never a scan.
//
// A plan head carries its gzip-packed body inline when that is small, else the body sits in the chunk items, which are
// written before the head (see plans.ts).
//
// GSI2 `pending-audit` (pendingAudit / sk) is sparse: only items whose outbox still holds audit entries that have not
// been copied into the audit partition carry `pendingAudit`. See audit.ts for why (no transactions in dynalite).
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const GSI1 = 'gsi1';
export const PENDING_AUDIT_INDEX = 'pending-audit';

export const keys = {
  station: (stationId: string) => ({ pk: `STATION#${stationId}`, sk: 'CONFIG' }),
  stationPartition: (stationId: string) => `STATION#${stationId}`,
  stationsIndex: 'STATIONS',
  plan: (stationId: string, planId: string) => ({ pk: `STATION#${stationId}`, sk: `PLAN#${planId}` }),
  planPart: (stationId: string, planId: string, part: number) => ({ pk: `STATION#${stationId}`, sk: `PLAN#${planId}#PART#${part}` }),
  plansIndex: (stationId: string) => `PLANS#${stationId}`,
  redeployment: (stationId: string, id: string) => ({ pk: `STATION#${stationId}`, sk: `RD#${id}` }),
  redeploymentsIndex: (stationId: string, status: string) => `RD#${stationId}#${status}`,
  auditPartition: (stationId: string) => `AUDIT#${stationId}`,
  nightly: (stationId: string, night: string) => ({ pk: `STATION#${stationId}`, sk: `NIGHTLY#${night}` }),
  calendarPartition: 'CALENDAR',
  calendarYear: (year: string) => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }),
  /** The audit trail of the official calendar: `_` can never begin a station id, so it is nobody's station. */
  calendarAuditStation: '_calendar',
  branchPartition: (branchId: string) => `BRANCH#${branchId}`,
  stationSummary: (branchId: string, stationId: string) => ({ pk: `BRANCH#${branchId}`, sk: `STATION#${stationId}` }),
};

/** The table as CreateTable wants it: used by the local server and tests; infra/ declares the same keys. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'gsi1pk', AttributeType: 'S' },
      { AttributeName: 'gsi1sk', AttributeType: 'S' },
      { AttributeName: 'pendingAudit', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI1,
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: PENDING_AUDIT_INDEX,
        KeySchema: [
          { AttributeName: 'pendingAudit', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
  };
}
