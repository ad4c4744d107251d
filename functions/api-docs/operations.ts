// What each route of functions/routes.ts takes and answers, told with the very zod schemas that validate it, in
// Chinese and English. document.ts turns this into OpenAPI 3.1; a test fails when a route is missing here.
import { z } from 'zod';
import { AuditEntry } from '../../shared/domain/audit.ts';
import { CalendarAnswer, CalendarQuery, CalendarYear, CalendarYearBody, LoadedCalendarYear } from '../../shared/domain/calendar.ts';
import { ErrorBody } from '../../shared/domain/errors.ts';
import { Plan, PlanRequest, PublishRequest } from '../../shared/domain/plan.ts';
import { BranchId, StationId } from '../../shared/domain/primitives.ts';
import { AuditQuery, PageQuery } from '../../shared/domain/queries.ts';
import { StationSummary } from '../../shared/domain/branch.ts';
import {
  DecisionBody,
  Redeployment,
  RedeploymentId,
  RedeploymentListQuery,
  RedeploymentRequestBody,
  ReinforcedDutyBody,
  WithdrawBody,
} from '../../shared/domain/redeployment.ts';
import { Roster, RosterQuery } from '../../shared/domain/roster.ts';
import { ReinforcedDutyPeriod, StationConfig, StationDocument } from '../../shared/domain/station.ts';
import { PlanId } from '../../shared/http/params.ts';
import { EXAMPLES } from './examples.ts';

/** A sentence in both languages of the product. */
export type Text = { zh: string; en: string };

export type Answer = {
  status: number;
  description: Text;
  /** JSON answers: the schema; text answers: their media type and no schema. */
  schema?: z.ZodType;
  mediaType?: string;
  example?: unknown;
};

export type OperationDoc = {
  tag: TagName;
  summary: Text;
  description?: Text;
  path?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: { schema: z.ZodType; required: boolean; example?: unknown };
  answers: Answer[];
  /** Statuses answered with the error shape (ErrorBody). */
  errors: readonly ErrorStatus[];
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503;

export const TAGS = {
  service: { zh: '服务', en: 'Service' },
  stations: { zh: '派出所配置', en: 'Station configuration' },
  plans: { zh: '排班方案', en: 'Roster plans' },
  roster: { zh: '已发布排班', en: 'Published roster' },
  redeployments: { zh: '抽调审批', en: 'Redeployment approvals' },
  audit: { zh: '审计记录', en: 'Audit trail' },
  calendar: { zh: '法定节假日与调休', en: 'Official calendar' },
  branches: { zh: '分局', en: 'Branches' },
} as const satisfies Record<string, Text>;
export type TagName = keyof typeof TAGS;

export const ERROR_MEANINGS: Record<ErrorStatus, Text> = {
  400: { zh: '输入有误：列出每个有误的字段，未做任何更改', en: 'Bad input: every bad field is listed; nothing was changed' },
  401: { zh: '未登录或令牌无效', en: 'No valid token' },
  403: { zh: '无权操作：code 为 AUTH-ROLE、AUTH-STATION 或规则编号', en: 'Not allowed: code is AUTH-ROLE, AUTH-STATION or the rule ID' },
  404: { zh: '不存在', en: 'Not found' },
  409: { zh: '并发修改在先：请重新读取后重试', en: 'A concurrent change won: read again and retry' },
  413: { zh: '请求体超过 1 MB', en: 'The body is over 1 MB' },
  422: { zh: '格式正确但违反规则：code 为规则编号', en: 'Well-formed but against a rule: code is the rule ID' },
  503: { zh: '存储繁忙：按 Retry-After 稍后重试', en: 'The store is busy: retry after Retry-After' },
};

const StationPath = z.object({ stationId: StationId });
const PlanPath = StationPath.extend({ planId: PlanId });
const RedeploymentPath = StationPath.extend({ redeploymentId: RedeploymentId });
const IfMatchHeader = z.object({ 'if-match': z.string().optional().meta({ description: 'The version read, e.g. "3" / 读取时的版本号' }) });

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const Health = z.object({ ok: z.literal(true) });
/** `POST /stations/{id}/reinforced-duty` answers the period and the station's periods after it. */
export const ReinforcedDutyDeclared = z.object({
  stationId: z.string(),
  period: ReinforcedDutyPeriod,
  reinforcedDuty: z.array(ReinforcedDutyPeriod),
  version: z.int(),
});

export const OPERATIONS: Record<string, OperationDoc> = {
  'GET /health': {
    tag: 'service',
    summary: { zh: '服务是否就绪', en: 'Whether the service is ready' },
    answers: [{ status: 200, description: { zh: '就绪', en: 'Ready' }, schema: Health, example: { ok: true } }],
    errors: [],
  },
  'GET /openapi.json': {
    tag: 'service',
    summary: { zh: '本接口的 OpenAPI 3.1 描述', en: 'This API described in OpenAPI 3.1' },
    query: z.object({ lang: z.enum(['zh', 'en']).optional() }),
    answers: [{ status: 200, description: { zh: 'OpenAPI 文档', en: 'The OpenAPI document' }, mediaType: 'application/json' }],
    errors: [],
  },
  'GET /docs': {
    tag: 'service',
    summary: { zh: '可阅读的接口参考页', en: 'The readable API reference page' },
    query: z.object({ lang: z.enum(['zh', 'en']).optional() }),
    answers: [{ status: 200, description: { zh: 'HTML 页面', en: 'An HTML page' }, mediaType: 'text/html' }],
    errors: [],
  },
  'GET /stations/{stationId}': {
    tag: 'stations',
    summary: { zh: '读取派出所配置', en: 'Read a station configuration' },
    description: { zh: '所长、教导员、副所长；分局；管理员。', en: 'Director, instructor, deputy of the station; branch; admin.' },
    path: StationPath,
    answers: [{ status: 200, description: { zh: '配置及其版本（ETag）', en: 'The configuration and its version (ETag)' }, schema: StationDocument }],
    errors: [400, 401, 403, 404, 503],
  },
  'PUT /stations/{stationId}': {
    tag: 'stations',
    summary: { zh: '创建或修改派出所配置', en: 'Create or change a station configuration' },
    description: {
      zh: '以读取时的版本为条件写入（If-Match、正文 version 或写入前读到的版本）；并发写入者之一得到 409。未知字段一律拒绝。',
      en: 'Written on condition of the version read (If-Match, the body\'s version, or the one read just before writing); of two concurrent writers one gets 409. Unknown fields are refused.',
    },
    path: StationPath,
    headers: IfMatchHeader,
    body: { schema: StationConfig, required: true, example: EXAMPLES.station },
    answers: [
      { status: 200, description: { zh: '已修改', en: 'Changed' }, schema: StationDocument },
      { status: 201, description: { zh: '已创建', en: 'Created' }, schema: StationDocument },
    ],
    errors: [400, 401, 403, 404, 409, 413, 503],
  },
  'GET /stations/{stationId}/audit': {
    tag: 'audit',
    summary: { zh: '审计记录（按时间先后）', en: 'The audit trail, oldest first' },
    path: StationPath,
    query: AuditQuery,
    answers: [{ status: 200, description: { zh: '一页记录', en: 'A page of entries' }, schema: page(AuditEntry) }],
    errors: [400, 401, 403, 404, 503],
  },
  'POST /stations/{stationId}/plans': {
    tag: 'plans',
    summary: { zh: '生成排班草案', en: 'Make a draft roster plan' },
    description: {
      zh: '按已存配置求解，保留这些日期已发布的安排（STAB-1）。每人每天至少一条安排；无法满足的规则列在 shortfalls 与 violations 中。',
      en: 'Solves the station as stored, keeping the published assignments of those dates (STAB-1). Everyone has an assignment every day; rules that cannot be met are listed in shortfalls and violations.',
    },
    path: StationPath,
    body: { schema: PlanRequest, required: true, example: EXAMPLES.planRequest },
    answers: [{ status: 201, description: { zh: '草案', en: 'The draft' }, schema: Plan }],
    errors: [400, 401, 403, 404, 413, 503],
  },
  'GET /stations/{stationId}/plans/{planId}': {
    tag: 'plans',
    summary: { zh: '读取方案', en: 'Read a plan' },
    path: PlanPath,
    answers: [{ status: 200, description: { zh: '方案', en: 'The plan' }, schema: Plan }],
    errors: [400, 401, 403, 404, 503],
  },
  'POST /stations/{stationId}/plans/{planId}/publish': {
    tag: 'plans',
    summary: { zh: '发布方案', en: 'Publish a plan' },
    description: { zh: '已发布的方案不再改写；再次发布得到 409。', en: 'A published plan is never rewritten; a second publish answers 409.' },
    path: PlanPath,
    headers: IfMatchHeader,
    body: { schema: PublishRequest, required: false, example: { version: 1 } },
    answers: [{ status: 200, description: { zh: '已发布的方案', en: 'The published plan' }, schema: Plan }],
    errors: [400, 401, 403, 404, 409, 503],
  },
  'GET /stations/{stationId}/roster': {
    tag: 'roster',
    summary: { zh: '已发布排班（JSON、CSV 或 iCalendar）', en: 'The published roster (JSON, CSV or iCalendar)' },
    description: {
      zh: '领导读取全所；其他人只读自己的（personId 为本人）。format=ics 需 personId。',
      en: 'Leaders read everyone\'s; others their own (personId is themselves). format=ics needs personId.',
    },
    path: StationPath,
    query: RosterQuery,
    answers: [
      { status: 200, description: { zh: '排班（format=json）', en: 'The roster (format=json)' }, schema: Roster },
      { status: 200, description: { zh: '表格（format=csv，UTF-8 带 BOM）', en: 'A spreadsheet (format=csv, UTF-8 with BOM)' }, mediaType: 'text/csv' },
      { status: 200, description: { zh: '个人日历（format=ics）', en: 'One person\'s calendar (format=ics)' }, mediaType: 'text/calendar' },
    ],
    errors: [400, 401, 403, 404, 503],
  },
  'POST /stations/{stationId}/redeployments': {
    tag: 'redeployments',
    summary: { zh: '申请抽调社区专职民警', en: 'Ask to redeploy a dedicated community officer' },
    description: {
      zh: '两位所领导（所长、教导员）审批；常规勤务与调动还需分局（AP-1、AP-2）。返回对社区工作的影响（AP-6）。',
      en: 'Both chiefs (director, instructor) decide; routine duty and transfers also need the branch (AP-1, AP-2). The answer carries the cost to community work (AP-6).',
    },
    path: StationPath,
    body: { schema: RedeploymentRequestBody, required: true, example: EXAMPLES.redeploymentRequest },
    answers: [{ status: 201, description: { zh: '待审批的申请', en: 'The pending request' }, schema: Redeployment }],
    errors: [400, 401, 403, 404, 409, 422, 503],
  },
  'GET /stations/{stationId}/redeployments': {
    tag: 'redeployments',
    summary: { zh: '抽调申请列表', en: 'List redeployment requests' },
    path: StationPath,
    query: RedeploymentListQuery,
    answers: [{ status: 200, description: { zh: '一页申请', en: 'A page of requests' }, schema: page(Redeployment) }],
    errors: [400, 401, 403, 404, 503],
  },
  'GET /stations/{stationId}/redeployments/{redeploymentId}': {
    tag: 'redeployments',
    summary: { zh: '读取抽调申请', en: 'Read a redeployment request' },
    path: RedeploymentPath,
    answers: [{ status: 200, description: { zh: '申请', en: 'The request' }, schema: Redeployment }],
    errors: [400, 401, 403, 404, 503],
  },
  'POST /stations/{stationId}/redeployments/{redeploymentId}/decisions': {
    tag: 'redeployments',
    summary: { zh: '批准或驳回', en: 'Approve or reject' },
    description: {
      zh: '本所所长与教导员；required 含 branch 时分局。不能审批自己提交的申请（AP-4）。',
      en: 'The station\'s director and instructor; the branch where required lists it. Nobody decides their own request (AP-4).',
    },
    path: RedeploymentPath,
    body: { schema: DecisionBody, required: true, example: EXAMPLES.decision },
    answers: [{ status: 200, description: { zh: '决定后的申请', en: 'The request after the decision' }, schema: Redeployment }],
    errors: [400, 401, 403, 404, 409, 422, 503],
  },
  'POST /stations/{stationId}/redeployments/{redeploymentId}/withdraw': {
    tag: 'redeployments',
    summary: { zh: '撤回申请', en: 'Withdraw a request' },
    path: RedeploymentPath,
    body: { schema: WithdrawBody, required: false, example: { reason: '警情已解除' } },
    answers: [{ status: 200, description: { zh: '已撤回的申请', en: 'The withdrawn request' }, schema: Redeployment }],
    errors: [400, 401, 403, 404, 409, 422, 503],
  },
  'POST /stations/{stationId}/reinforced-duty': {
    tag: 'redeployments',
    summary: { zh: '宣布一级加强勤务（分局）', en: 'Declare level-1 reinforced duty (branch)' },
    description: { zh: '同一时段再次宣布返回 200（FB-4）。', en: 'The same period again answers 200 (FB-4).' },
    path: StationPath,
    body: { schema: ReinforcedDutyBody, required: true, example: EXAMPLES.reinforcedDuty },
    answers: [
      { status: 201, description: { zh: '已宣布', en: 'Declared' }, schema: ReinforcedDutyDeclared },
      { status: 200, description: { zh: '此前已宣布', en: 'Declared before' }, schema: ReinforcedDutyDeclared },
    ],
    errors: [400, 401, 403, 404, 409, 422, 503],
  },
  'GET /branches/{branchId}/stations': {
    tag: 'branches',
    summary: { zh: '分局所辖派出所及其指标', en: 'A branch\'s stations with their figures' },
    description: {
      zh: '该分局的 branch 用户与管理员。读取每所保存的摘要（分局分区内一次查询，不扫描表）：社区民警占比、今后 28 天的缺员、AB 岗覆盖与达标周数、待分局审批的申请。',
      en: 'That branch\'s branch users, and admin. Read from the summary kept per station (one Query on the branch\'s partition, no scan): community-officer share, and over the next 28 days shortfalls, A/B coverage, weeks at target, requests waiting for the branch.',
    },
    path: z.object({ branchId: BranchId }),
    query: PageQuery,
    answers: [{ status: 200, description: { zh: '一页派出所', en: 'A page of stations' }, schema: page(StationSummary) }],
    errors: [400, 401, 403, 503],
  },
  'GET /calendar': {
    tag: 'calendar',
    summary: { zh: '查询法定节假日与调休上班日（任何已登录用户）', en: 'Public holidays and make-up working days (anyone signed in)' },
    description: {
      zh: '最多 366 天。missingYears 列出没有国务院通知数据的年份（CAL-3）；years 说明每年数据来自内置数据包还是管理员载入。',
      en: 'At most 366 days. missingYears lists the years without the State Council notice (CAL-3); years says whether each year comes from the built-in package or was loaded by an admin.',
    },
    query: CalendarQuery,
    answers: [{ status: 200, description: { zh: '每日是否工作日、节日名称、是否调休上班', en: 'Each day: workday, holiday name, make-up working day' }, schema: CalendarAnswer }],
    errors: [400, 401, 403, 503],
  },
  'PUT /calendar/{year}': {
    tag: 'calendar',
    summary: { zh: '载入或更正某年的放假安排（管理员）', en: 'Load or correct a year of the official calendar (admin)' },
    description: {
      zh: '整年替换内置数据；每个日期须在该年内，调休上班日须为周六或周日。首次载入 201，更正 200；可带 If-Match。',
      en: 'Replaces the built-in data for the whole year; every date lies in that year and make-up working days are Saturdays or Sundays. First load 201, correction 200; If-Match is honoured.',
    },
    path: z.object({ year: CalendarYear }),
    headers: IfMatchHeader,
    body: { schema: CalendarYearBody, required: true, example: { holidays: [{ date: '2027-01-01', name: '元旦' }], makeUpWorkdays: [] } },
    answers: [
      { status: 201, description: { zh: '已载入', en: 'Loaded' }, schema: LoadedCalendarYear },
      { status: 200, description: { zh: '已更正', en: 'Corrected' }, schema: LoadedCalendarYear },
    ],
    errors: [400, 401, 403, 409, 413, 503],
  },
};

export { ErrorBody };
