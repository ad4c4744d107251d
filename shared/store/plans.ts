// Roster plans: a head item per plan, its body gzip-packed inline or, when large, in write-once parts.
//
// A plan of 300 people over 56 days is ~17,000 assignments, several MB of JSON: far over DynamoDB's 400 KB item limit
// even if gzip usually brings it near 300 KB. So the immutable body (assignments, shortfalls, violations, KPIs, ...)
// is packed with gzip and, when the packed body is over INLINE_BYTES, cut into parts `PLAN#<planId>#PART#<n>` that are
// written FIRST (each a conditional put: write-once). The head `PLAN#<planId>` is written LAST with a conditional
// put carrying the `plan.created` audit entry in its outbox, so a plan is visible only once it is complete; parts of
// a create that died before its head are never read (a new plan always gets a new id).
//
// The head holds everything that can change (status, version, publishedAt, needsReplan) and small summaries; a
// publication is one conditional UpdateItem on the head (draft → published, version + 1) with its audit entry in the
// outbox, like every other change in this store. Earlier published plans are never rewritten: the roster takes each
// date from the most recently published plan covering it (shared/roster).
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import { MAX_PLAN_DAYS, type Plan, type PlanProgress } from '../domain/plan.ts';
import { type DomainError, conflict, notFound } from '../domain/errors.ts';
import { addDaysTo } from '../rotation/index.ts';
import { overlaps, planEnd, suppliers } from '../roster/index.ts';
import { type AuditTrail, outboxOnCreate, outboxOnUpdate } from './audit.ts';
import type { StoreClient } from './client.ts';
import { isConditionFailure, translateStoreError } from './errors.ts';
import { queryAll, send, sendIfHeld } from './send.ts';
import { GSI1, keys } from './table.ts';
import { say, summaryOf as sayingOf, type Params } from '../i18n/index.ts';

/** The fields that never change once a plan exists: packed, inline or in parts. */
const BODY_FIELDS = ['assignments', 'shortfalls', 'violations', 'kpis', 'suggestions', 'score', 'bound', 'gap', 'redeploymentIds', 'solver', 'pinIds'] as const;
type PlanBody = Pick<Plan, (typeof BODY_FIELDS)[number]>;

export type PlanSummary = { people: number; assignments: number; shortfalls: number; violations: number; hardViolations: number };

/** A plan without its body: what listing and publishing need. */
export type PlanHead = Omit<Plan, keyof PlanBody> & {
  /** The plan's last date. */
  end: string;
  /** Body parts (0: the body is inline in the head). */
  parts: number;
  /** Packed body size in bytes. */
  bodyBytes: number;
  summary: PlanSummary;
};

export type PlanStoreLimits = {
  /** A packed body up to this size stays inline in the head. */
  inlineBytes: number;
  /** Size of each body part. */
  partBytes: number;
};

/** Both well under DynamoDB's 400 KB item limit, leaving room for keys, metadata and the audit outbox. */
export const DEFAULT_PLAN_LIMITS: PlanStoreLimits = { inlineBytes: 300 * 1024, partBytes: 300 * 1024 };

// Every attribute a head read projects, each through a name placeholder (several are DynamoDB reserved words).
const HEAD_FIELDS = [
  'id', 'stationId', 'start', 'days', 'end', 'status', 'version', 'createdAt', 'createdBy', 'publishedAt',
  'stationVersion', 'needsReplan', 'replanDates', 'parts', 'bodyBytes', 'summary', 'kind', 'progress', 'stoppedEarly',
] as const;
const HEAD_PROJECTION = HEAD_FIELDS.map((f) => `#${f}`).join(', ');
const HEAD_NAMES: Record<string, string> = Object.fromEntries(HEAD_FIELDS.map((f) => [`#${f}`, f]));

const pack = (body: PlanBody): Buffer => gzipSync(Buffer.from(JSON.stringify(body)));
const unpack = (packed: Uint8Array): PlanBody => JSON.parse(gunzipSync(packed).toString('utf8')) as PlanBody;

function bodyOf(plan: Plan): PlanBody {
  const { assignments, shortfalls, violations, kpis, suggestions, score, bound, gap, redeploymentIds, solver, pinIds } = plan;
  return { assignments, shortfalls, violations, kpis, suggestions, score, ...(bound !== undefined ? { bound, gap } : {}), redeploymentIds, solver, ...(pinIds ? { pinIds } : {}) };
}

function summaryOf(plan: Plan): PlanSummary {
  return {
    people: new Set(plan.assignments.map((a) => a.personId)).size,
    assignments: plan.assignments.length,
    shortfalls: plan.shortfalls.length,
    violations: plan.violations.length,
    hardViolations: plan.violations.filter((v) => v.severity === 'hard').length,
  };
}

function headOf(item: Record<string, unknown>): PlanHead {
  return {
    id: String(item.id),
    stationId: String(item.stationId),
    start: String(item.start),
    days: Number(item.days),
    end: String(item.end),
    status: item.status as Plan['status'],
    version: Number(item.version),
    createdAt: String(item.createdAt),
    createdBy: String(item.createdBy),
    ...(typeof item.publishedAt === 'string' ? { publishedAt: item.publishedAt } : {}),
    stationVersion: Number(item.stationVersion),
    needsReplan: needsReplanOf(item),
    parts: Number(item.parts ?? 0),
    bodyBytes: Number(item.bodyBytes ?? 0),
    summary: item.summary as PlanSummary,
    // Plans made by a planning job (shared/store/plan-jobs.ts) keep the job's last progress.
    ...(item.progress ? { progress: item.progress as PlanProgress } : {}),
    ...(item.stoppedEarly === true ? { stoppedEarly: true as const } : {}),
  };
}

/**
 * The days of a published plan that need a re-plan: the list written with the plan, plus the string set `replanDates`
 * that approvals add to later (markNeedsReplan), merged and sorted.
 */
function needsReplanOf(item: Record<string, unknown>): string[] {
  const listed = Array.isArray(item.needsReplan) ? item.needsReplan.map(String) : [];
  const added = item.replanDates instanceof Set ? [...(item.replanDates as Set<unknown>)].map(String) : [];
  return [...new Set([...listed, ...added])].sort();
}

/** The public document from a head and its body (in the Plan schema's field order). */
function planOf(head: PlanHead, body: PlanBody): Plan {
  const { end: _end, parts: _parts, bodyBytes: _bodyBytes, summary: _summary, ...meta } = head;
  return { ...meta, ...body };
}

export class PlanStore {
  /** Told after every publication (the store keeps the station's summary with it; see store/index.ts). */
  onPublished: (stationId: string, planId: string) => Promise<void> = async () => {};

  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
    private readonly audit: AuditTrail,
    private readonly limits: PlanStoreLimits = DEFAULT_PLAN_LIMITS,
  ) {}

  /**
   * Writes a plan's body parts (write-once conditional puts) when the packed body is too large to stay inline, and
   * returns the head to write after them (by create, or by a planning job's completion: shared/store/plan-jobs.ts).
   */
  async writeBody(plan: Plan): Promise<{ packed: Buffer; inline: boolean; head: PlanHead }> {
    const packed = pack(bodyOf(plan));
    const inline = packed.byteLength <= this.limits.inlineBytes;
    const parts = inline ? 0 : Math.ceil(packed.byteLength / this.limits.partBytes);
    for (let n = 0; n < parts; n++) {
      const chunk = packed.subarray(n * this.limits.partBytes, (n + 1) * this.limits.partBytes);
      await send(
        this.client,
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.planPart(plan.stationId, plan.id, n), planId: plan.id, part: n, chunk },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
        `Plan ${plan.id} exists already; nothing was changed.`,
      );
    }
    const head: PlanHead = {
      id: plan.id,
      stationId: plan.stationId,
      start: plan.start,
      days: plan.days,
      end: planEnd(plan),
      status: plan.status,
      version: plan.version,
      createdAt: plan.createdAt,
      createdBy: plan.createdBy,
      ...(plan.publishedAt !== undefined ? { publishedAt: plan.publishedAt } : {}),
      stationVersion: plan.stationVersion,
      needsReplan: plan.needsReplan,
      parts,
      bodyBytes: packed.byteLength,
      summary: summaryOf(plan),
    };
    return { packed, inline, head };
  }

  /**
   * Stores a new plan: body parts first (write-once), then the head (conditional put, with the audit entry in its
   * outbox), then flushes the entry into the trail. Returns the head as stored.
   */
  async create(plan: Plan, entry: AuditEntry): Promise<PlanHead> {
    const { packed, inline, head } = await this.writeBody(plan);
    const key = keys.plan(plan.stationId, plan.id);
    await send(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...key,
          kind: 'plan',
          ...head,
          ...(inline ? { doc: packed } : {}),
          gsi1pk: keys.plansIndex(plan.stationId),
          gsi1sk: `${plan.start}#${plan.id}`,
          ...outboxOnCreate(entry),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
      `Plan ${plan.id} exists already; nothing was changed.`,
    );
    await this.audit.flushAfterChange(key, entry);
    return head;
  }

  /** A plan's head without its body, or null. */
  async head(stationId: string, planId: string): Promise<PlanHead | null> {
    const { Item } = await send(
      this.client,
      new GetCommand({
        TableName: this.tableName,
        Key: keys.plan(stationId, planId),
        ProjectionExpression: HEAD_PROJECTION,
        ExpressionAttributeNames: HEAD_NAMES,
        ConsistentRead: true,
      }),
    );
    return Item && Item.kind === 'plan' ? headOf(Item) : null;
  }

  /** The whole plan document, or null. */
  async get(stationId: string, planId: string): Promise<Plan | null> {
    const { Item } = await send(this.client, new GetCommand({ TableName: this.tableName, Key: keys.plan(stationId, planId), ConsistentRead: true }));
    // A plan still being made (or whose job failed) has no body yet: plan-jobs.ts reads it.
    if (Item?.kind !== 'plan' || Item.status === 'solving' || Item.status === 'failed') return null;
    const head = headOf(Item);
    const packed = head.parts === 0 ? (Item.doc as Uint8Array) : await this.readParts(stationId, head);
    return planOf(head, unpack(packed));
  }

  private async readParts(stationId: string, head: PlanHead): Promise<Uint8Array> {
    const chunks: { part: number; chunk: Uint8Array }[] = [];
    const prefix = keys.planPart(stationId, head.id, 0).sk.replace(/0$/, '');
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.stationPartition(stationId), ':prefix': prefix },
      ConsistentRead: true,
    });
    for (const item of items) chunks.push({ part: Number(item.part), chunk: item.chunk as Uint8Array });
    chunks.sort((a, b) => a.part - b.part);
    const packed = Buffer.concat(chunks.filter((c) => c.part < head.parts).map((c) => c.chunk));
    if (chunks.length < head.parts || packed.byteLength !== head.bodyBytes)
      throw new Error(`plan ${head.id}: body parts incomplete (${chunks.length}/${head.parts} parts, ${packed.byteLength}/${head.bodyBytes} bytes)`);
    return packed;
  }

  /**
   * Publishes a draft: one conditional UpdateItem on the head (draft → published at `expectedVersion`, version + 1,
   * publishedAt), the `plan.published` audit entry in its outbox. 404 if there is no such plan, 409 if it is
   * published already or changed since `expectedVersion`.
   */
  async publish(stationId: string, planId: string, expectedVersion: number, entry: AuditEntry): Promise<PlanHead> {
    const key = keys.plan(stationId, planId);
    const outbox = outboxOnUpdate(entry);
    let updated: Record<string, unknown>;
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET #status = :published, #version = :next, publishedAt = :at, publishedBy = :by, ${outbox.set}`,
          ConditionExpression: '#kind = :plan AND #status = :draft AND #version = :expected',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#kind': 'kind', ...outbox.names },
          ExpressionAttributeValues: {
            ':published': 'published',
            ':draft': 'draft',
            ':plan': 'plan',
            ':next': expectedVersion + 1,
            ':expected': expectedVersion,
            ':at': entry.at,
            ':by': entry.actor.sub,
            ...outbox.values,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      updated = Attributes ?? {};
    } catch (error) {
      if (!isConditionFailure(error)) translateStoreError(error);
      // Say which condition failed: the head tells.
      const now = await this.head(stationId, planId);
      if (!now) throw notFound(say('error.notFound.plan', { planId, stationId }));
      if (now.status !== 'draft') throw alreadyPublished(now);
      throw conflict(say('error.conflict.version', { what: 'plan', id: planId, version: now.version, claimed: expectedVersion }));
    }
    await this.audit.flushAfterChange(key, entry);
    await this.onPublished(stationId, planId);
    return headOf(updated);
  }

  /** Heads of the published plans that cover at least one date of `from`..`to`, in publication order (oldest first). */
  async listPublishedHeads(stationId: string, from: string, to: string): Promise<PlanHead[]> {
    // A plan starts at most MAX_PLAN_DAYS - 1 days before the first date it can cover.
    const lower = addDaysTo(from, -(MAX_PLAN_DAYS - 1));
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :lo AND :hi',
      FilterExpression: '#status = :published AND #end >= :from',
      ProjectionExpression: HEAD_PROJECTION,
      ExpressionAttributeNames: HEAD_NAMES,
      ExpressionAttributeValues: { ':p': keys.plansIndex(stationId), ':lo': lower, ':hi': `${to}#\uffff`, ':published': 'published', ':from': from },
    });
    return items
      .map(headOf)
      .filter((h) => overlaps(h, from, to))
      .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.id.localeCompare(b.id));
  }

  /**
   * Marks published days as needing a re-plan (AP-5: an approval, rejection or withdrawal after publication changed
   * what they should say): one conditional UpdateItem on the head that ADDs the dates to the string set
   * `replanDates` (idempotent: a set) and carries its `plan.replan-needed` audit entry in the outbox. The plan's body
   * and version do not change: a published plan is never rewritten. Returns false when the head is not a published plan.
   */
  async markNeedsReplan(stationId: string, planId: string, dates: readonly string[], entry: AuditEntry): Promise<boolean> {
    if (dates.length === 0) return false;
    const key = keys.plan(stationId, planId);
    const outbox = outboxOnUpdate(entry);
    const written = await sendIfHeld(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `ADD replanDates :dates SET ${outbox.set}`,
        ConditionExpression: '#kind = :plan AND #status = :published',
        ExpressionAttributeNames: { '#kind': 'kind', '#status': 'status', ...outbox.names },
        ExpressionAttributeValues: { ':dates': new Set(dates), ':plan': 'plan', ':published': 'published', ...outbox.values },
      }),
    );
    if (!written) return false;
    await this.audit.flushAfterChange(key, entry);
    return true;
  }

  /**
   * Marks every published plan's days within `from`..`to` as needing a re-plan (see markNeedsReplan), skipping days
   * already marked. `cause.key` makes each plan's audit entry id deterministic, so a repeated marking for the same
   * cause (a retry after a crash) leaves one entry. Returns the plans marked and their new days.
   */
  async replanPublished(
    stationId: string,
    from: string,
    to: string,
    cause: { at: string; actor: AuditEntry['actor']; key: string; why: Params; detail: Record<string, unknown> },
  ): Promise<{ planId: string; dates: string[] }[]> {
    if (to < from) return [];
    const marked: { planId: string; dates: string[] }[] = [];
    for (const head of await this.listPublishedHeads(stationId, from, to)) {
      const lo = head.start > from ? head.start : from;
      const hi = head.end < to ? head.end : to;
      const already = new Set(head.needsReplan);
      const dates: string[] = [];
      for (let d = lo; d <= hi; d = addDaysTo(d, 1)) if (!already.has(d)) dates.push(d);
      if (dates.length === 0) continue;
      const suffix = BigInt(`0x${createHash('sha256').update(`${head.id}|${cause.key}`).digest('hex').slice(0, 12)}`)
        .toString(36)
        .slice(0, 8)
        .padStart(8, '0');
      const done = await this.markNeedsReplan(stationId, head.id, dates, {
        id: `${cause.at}#${suffix}`,
        stationId,
        at: cause.at,
        actor: cause.actor,
        action: 'plan.replan-needed',
        target: { kind: 'plan', id: head.id },
        ...sayingOf(say('audit.plan.replan-needed', { planId: head.id, dates, cause: cause.why })),
        detail: { planId: head.id, dates, ...cause.detail },
      });
      if (done) marked.push({ planId: head.id, dates });
    }
    return marked;
  }

  /**
   * The published plans the roster of `from`..`to` is made of, with their bodies: those covering at least one date
   * that no later publication covers too (a plan wholly taken over inside the range is left out, its body unread).
   */
  async listPublished(stationId: string, from: string, to: string): Promise<Plan[]> {
    const heads = suppliers(await this.listPublishedHeads(stationId, from, to), from, to);
    const plans: Plan[] = [];
    for (const head of heads) {
      const plan = await this.get(stationId, head.id);
      // A head read through the index a moment ago is still there: plans are never deleted.
      if (plan) plans.push(plan);
    }
    return plans;
  }
}

export function alreadyPublished(head: Pick<PlanHead, 'id' | 'publishedAt' | 'status'>): DomainError {
  return conflict(
    `Plan ${head.id} is ${head.status} already${head.publishedAt ? ` (since ${head.publishedAt})` : ''}; a plan is published once. ` +
      'To change published days, make a new plan for them and publish it: the later publication wins for its dates.',
  );
}
