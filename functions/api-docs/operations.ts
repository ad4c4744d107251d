// What each route of functions/routes.ts takes and answers, told with the very zod schemas that validate it, in
// Chinese and English. document.ts turns this into OpenAPI 3.1; a test fails when a route is missing here.
import { z } from 'zod';
import { RecordedAbsence } from '../../shared/domain/absences.ts';
import { AuditEntry } from '../../shared/domain/audit.ts';
import { CalendarAnswer, CalendarQuery, CalendarYear, CalendarYearBody, LoadedCalendarYear } from '../../shared/domain/calendar.ts';
import {
  AbsenceBody,
  AbsenceId,
  CalendarFeed,
  CalendarFeedBody,
  DateRange,
  FeedFile,
  Inbox,
  LeaveBody,
  LeaveId,
  LeaveListQuery,
  LeaveRequest,
  NoticesPage,
  NoticesQuery,
  NoticesRead,
  NoticesReadBody,
  Pin,
  PinBody,
  PinId,
  PinSet,
  ReplanAnswer,
  ReplanBody,
  ReplanDays,
  RequestDecisionBody,
  Swap,
  SwapBody,
  SwapCheck,
  SwapId,
  SwapListQuery,
} from '../../shared/domain/day-to-day.ts';
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
import { StaffExportQuery, StaffImportBody, StaffImportPreview } from '../../shared/domain/staff.ts';
import { Absence, ReinforcedDutyPeriod, StationConfig, StationDocument } from '../../shared/domain/station.ts';
import { PlanId } from '../../shared/http/params.ts';
import { EXAMPLES } from './examples.ts';

/** A sentence in both languages of the product. */
export type Text = { zh: string; en: string };

export type Answer = {
  status: number;
  description: Text;
  /** JSON answers: the schema; text answers: their media type and no schema; neither: no body (204). */
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
  absences: { zh: '缺勤、固定安排与重排', en: 'Absences, pins and re-plans' },
  requests: { zh: '请假、换班与待办', en: 'Leave, swaps and the inbox' },
  me: { zh: '个人通知与日历订阅', en: 'Notices and calendar feeds' },
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
const AbsencePath = StationPath.extend({ absenceId: AbsenceId });
const PinPath = StationPath.extend({ pinId: PinId });
const LeavePath = StationPath.extend({ leaveId: LeaveId });
const SwapPath = StationPath.extend({ swapId: SwapId });
const FeedPath = z.object({ feed: FeedFile.meta({ description: 'The secret of the URL POST /me/calendar-feed answered, then .ics / 订阅地址中的密钥加 .ics' }) });
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
  'GET /stations/{stationId}/staff': {
    tag: 'stations',
    summary: { zh: '下载人员名单（.xlsx 或 .csv）', en: 'Download the staff list (.xlsx or .csv)' },
    description: { zh: '表头按 lang 或 Accept-Language 的语言；下载的文件可原样导入。见 docs/staff-import.md。', en: 'Headers in the language of lang or Accept-Language; the file imports again unchanged. See docs/staff-import.md.' },
    path: StationPath,
    query: StaffExportQuery,
    answers: [
      { status: 200, description: { zh: '人员名单（format=xlsx）', en: 'The staff list (format=xlsx)' }, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      { status: 200, description: { zh: '人员名单（format=csv，UTF-8 带 BOM）', en: 'The staff list (format=csv, UTF-8 with BOM)' }, mediaType: 'text/csv' },
    ],
    errors: [400, 401, 403, 404, 503],
  },
  'POST /stations/{stationId}/staff/import': {
    tag: 'stations',
    summary: { zh: '预览人员名单导入（不保存）', en: 'Preview a staff list import (nothing saved)' },
    description: {
      zh: '列出每个有问题的行和单元格；无问题时返回新的派出所配置，用 PUT /stations/{stationId} 加 If-Match 保存。',
      en: 'Names every bad row and cell; when there is none, answers the station with the new people, saved with PUT /stations/{stationId} and If-Match.',
    },
    path: StationPath,
    body: { schema: StaffImportBody, required: true },
    answers: [{ status: 200, description: { zh: '预览', en: 'The preview' }, schema: StaffImportPreview }],
    errors: [400, 401, 403, 404, 413, 503],
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
      { status: 200, description: { zh: '人员×日期的排班表（format=xlsx）', en: 'People × days, as on the screen (format=xlsx)' }, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
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
  'POST /stations/{stationId}/absences': {
    tag: 'absences',
    summary: { zh: '登记缺勤', en: 'Record an absence' },
    description: {
      zh: '所长、教导员、副所长。登记某人在一段日期内缺勤（休假、病假、培训或其他，最长 92 天），排班时不再安排其上岗（ROT-4）。已发布排班中受影响的日期（从今天起）标记为需要重排，应答中的 replan 列出被标记的方案和日期。',
      en: 'Director, instructor, deputy of the station. Records that a person is away from one date to another (leave, sick, training or other; at most 92 days); plans no longer put them on duty those days (ROT-4). The published days it touches, from today on, are marked as needing a re-plan; replan in the answer lists the plans and dates marked.',
    },
    path: StationPath,
    body: { schema: AbsenceBody, required: true, example: EXAMPLES.absence },
    answers: [{ status: 201, description: { zh: '已登记的缺勤', en: 'The recorded absence' }, schema: RecordedAbsence }],
    errors: [400, 401, 403, 404, 409, 413, 503],
  },
  'GET /stations/{stationId}/absences': {
    tag: 'absences',
    summary: { zh: '缺勤列表', en: 'List absences' },
    description: {
      zh: '所长、教导员、副所长。from、to 可选，列出与该时段有重叠的缺勤，一次全部返回（next 始终为 null）。',
      en: 'Director, instructor, deputy of the station. from and to are optional; lists the absences overlapping that period, all at once (next is always null).',
    },
    path: StationPath,
    query: DateRange,
    answers: [{ status: 200, description: { zh: '缺勤', en: 'The absences' }, schema: page(Absence) }],
    errors: [400, 401, 403, 404, 503],
  },
  'DELETE /stations/{stationId}/absences/{absenceId}': {
    tag: 'absences',
    summary: { zh: '撤销缺勤', en: 'Remove an absence' },
    description: {
      zh: '所长、教导员、副所长。该缺勤涉及的已发布日期（从今天起）标记为需要重排。',
      en: 'Director, instructor, deputy of the station. The published days it covered, from today on, are marked as needing a re-plan.',
    },
    path: AbsencePath,
    answers: [{ status: 204, description: { zh: '已撤销', en: 'Removed' } }],
    errors: [400, 401, 403, 404, 409, 503],
  },
  'POST /stations/{stationId}/pins': {
    tag: 'absences',
    summary: { zh: '固定某人某日的岗位', en: 'Pin a person to a post on a day' },
    description: {
      zh: '所长、教导员、副所长。此后生成的每份排班（包括每夜滚动排班和重排）都保留这一安排（PIN-1）。post 可以是 rest（休息）；不填 shift 时取该岗位当天所需的班次。同一人同一天再固定一次即取代原来的安排（应答中的 replaces）。违反硬性规则时返回 422，code 为规则编号：FB-1 至 FB-4、SKILL-1、ROT-4、REST-1；日期已过，或当天的排班不会让此人担任该岗位（该班次没有此岗位需求或不是其班次）时为 PIN-1。该日期已发布的，标记为需要重排；在固定安排变动前生成的草案，发布时返回 409。',
      en: 'Director, instructor, deputy of the station. Every later plan keeps it, the nightly roll-forward and re-plans included (PIN-1). post may be rest; without shift, the pin takes the shift the post is asked for that day. A new pin for the same person and day replaces the old one (replaces in the answer). A broken hard rule answers 422 with its code: FB-1 to FB-4, SKILL-1, ROT-4, REST-1; PIN-1 for a past date or a post the plan would not offer that person that day. A published date is marked as needing a re-plan; a draft made before the pins changed answers 409 when published.',
    },
    path: StationPath,
    body: { schema: PinBody, required: true, example: EXAMPLES.pin },
    answers: [{ status: 201, description: { zh: '固定安排', en: 'The pin' }, schema: PinSet }],
    errors: [400, 401, 403, 404, 409, 413, 422, 503],
  },
  'GET /stations/{stationId}/pins': {
    tag: 'absences',
    summary: { zh: '固定安排列表', en: 'List pins' },
    description: {
      zh: '所长、教导员、副所长。from、to 可选，一次全部返回（next 始终为 null）。',
      en: 'Director, instructor, deputy of the station. from and to are optional; all at once (next is always null).',
    },
    path: StationPath,
    query: DateRange,
    answers: [{ status: 200, description: { zh: '固定安排', en: 'The pins' }, schema: page(Pin) }],
    errors: [400, 401, 403, 404, 503],
  },
  'DELETE /stations/{stationId}/pins/{pinId}': {
    tag: 'absences',
    summary: { zh: '取消固定安排', en: 'Remove a pin' },
    description: {
      zh: '所长、教导员、副所长。该日期已发布的，标记为需要重排。',
      en: 'Director, instructor, deputy of the station. A published date is marked as needing a re-plan.',
    },
    path: PinPath,
    answers: [{ status: 204, description: { zh: '已取消', en: 'Removed' } }],
    errors: [400, 401, 403, 404, 409, 503],
  },
  'GET /stations/{stationId}/replan': {
    tag: 'absences',
    summary: { zh: '需要重排的日期', en: 'Days that need a re-plan' },
    description: {
      zh: '所长、教导员、副所长。列出 from 至 to（默认从今天起共 92 天）之间，因缺勤、固定安排、请假、换班或抽调审批而被标记为需要重排的已发布日期。',
      en: 'Director, instructor, deputy of the station. The published days between from and to (by default 92 days from today) marked as needing a re-plan after an absence, a pin, leave, a swap or a redeployment decision.',
    },
    path: StationPath,
    query: DateRange,
    answers: [{ status: 200, description: { zh: '时段及需要重排的日期', en: 'The period and its days to re-plan' }, schema: ReplanDays }],
    errors: [400, 401, 403, 404, 503],
  },
  'POST /stations/{stationId}/replan': {
    tag: 'absences',
    summary: { zh: '重排有变化的日期', en: 'Re-plan the changed days' },
    description: {
      zh: '所长、教导员、副所长。为被标记的日期生成一份草案：其间其他日期保持已发布的安排不变，固定安排照旧（PIN-1），被标记的日期在规则允许的范围内尽量少改动（STAB-1）。changes 列出每个有变化的人日；确认后用 POST /stations/{stationId}/plans/{planId}/publish 发布。没有需要重排的日期时返回 200，plan 为 null。',
      en: 'Director, instructor, deputy of the station. Makes a draft over the marked days: every other day in between keeps its published assignments, pins are kept (PIN-1), and the marked days change as little as the rules allow (STAB-1). changes lists every person-day that differs; publish it with POST /stations/{stationId}/plans/{planId}/publish. With no day to re-plan, 200 and plan null.',
    },
    path: StationPath,
    body: { schema: ReplanBody, required: false, example: EXAMPLES.replan },
    answers: [
      { status: 201, description: { zh: '草案及其改动', en: 'The draft and what it changes' }, schema: ReplanAnswer },
      { status: 200, description: { zh: '没有需要重排的日期', en: 'No day needed a re-plan' }, schema: ReplanAnswer },
    ],
    errors: [400, 401, 403, 404, 413, 503],
  },
  'POST /stations/{stationId}/leave-requests': {
    tag: 'requests',
    summary: { zh: '申请请假', en: 'Ask for leave' },
    description: {
      zh: '本所人员为自己申请；所领导（所长、教导员、副所长）可以用 personId 替他人申请，其他人替他人申请返回 403 LV-1。只能申请今天及以后的日期（否则 422 LV-1），最长 92 天。提交后通知所领导审批。',
      en: 'Any member of the station, for themselves; a leader (director, instructor, deputy) may name someone else in personId, anyone else gets 403 LV-1. Today or later only (else 422 LV-1), at most 92 days. The station leaders are notified.',
    },
    path: StationPath,
    body: { schema: LeaveBody, required: true, example: EXAMPLES.leave },
    answers: [{ status: 201, description: { zh: '待审批的请假申请', en: 'The pending leave request' }, schema: LeaveRequest }],
    errors: [400, 401, 403, 404, 413, 422, 503],
  },
  'GET /stations/{stationId}/leave-requests': {
    tag: 'requests',
    summary: { zh: '请假申请列表', en: 'List leave requests' },
    description: {
      zh: '所领导看到全所的申请，可按 personId 筛选；其他人只看到自己的，personId 填他人时返回 403。一次全部返回（next 始终为 null）。',
      en: 'Leaders see the whole station\'s, filtered by personId if given; others see their own only, and personId of someone else answers 403. All at once (next is always null).',
    },
    path: StationPath,
    query: LeaveListQuery,
    answers: [{ status: 200, description: { zh: '请假申请', en: 'The leave requests' }, schema: page(LeaveRequest) }],
    errors: [400, 401, 403, 404, 503],
  },
  'POST /stations/{stationId}/leave-requests/{leaveId}/decisions': {
    tag: 'requests',
    summary: { zh: '批准或驳回请假', en: 'Approve or reject leave' },
    description: {
      zh: '所长、教导员、副所长，不能审批自己的请假（403 LV-1）。批准后自动登记缺勤，受影响的已发布日期标记为需要重排；申请人收到通知。每份申请只审批一次：同一人重复同一决定返回 200，其他情况返回 409。',
      en: 'Director, instructor, deputy of the station, never on their own leave (403 LV-1). Approval records the absence and marks the published days it touches for a re-plan; the person is notified. A request is decided once: the same leader repeating the same decision gets 200, anything else 409.',
    },
    path: LeavePath,
    body: { schema: RequestDecisionBody, required: true, example: EXAMPLES.requestDecision },
    answers: [{ status: 200, description: { zh: '审批后的申请', en: 'The request after the decision' }, schema: LeaveRequest }],
    errors: [400, 401, 403, 404, 409, 413, 503],
  },
  'POST /stations/{stationId}/leave-requests/{leaveId}/withdraw': {
    tag: 'requests',
    summary: { zh: '撤回请假申请', en: 'Withdraw a leave request' },
    description: {
      zh: '仅限申请人或请假本人（否则 403 LV-1），且申请尚未审批（否则 409）；已撤回的再撤回返回 200。无需请求体。',
      en: 'Only who asked or the person on leave (else 403 LV-1), and only while pending (else 409); withdrawing again answers 200. No body.',
    },
    path: LeavePath,
    answers: [{ status: 200, description: { zh: '已撤回的申请', en: 'The withdrawn request' }, schema: LeaveRequest }],
    errors: [400, 401, 403, 404, 409, 503],
  },
  'POST /stations/{stationId}/swaps': {
    tag: 'requests',
    summary: { zh: '提出换班', en: 'Propose a swap' },
    description: {
      zh: '民警、辅警用自己某天已发布的班换同事某天的班（不填 withDate 即同一天；两天相隔不超过 31 天），在这些日期两人整天互换。只能换今天及以后已发布的班（否则 422 SW-1）。违反硬性规则时返回 422，code 为规则编号（FB-1 至 FB-4、SKILL-1、REST-1、ROT-4）。对方收到通知，对方接受后由所领导审批。',
      en: 'An officer or auxiliary trades their own published day for a colleague\'s (withDate defaults to the same day; at most 31 days apart); on those dates the two exchange their whole day. Published days from today on only (else 422 SW-1). A broken hard rule answers 422 with its code (FB-1 to FB-4, SKILL-1, REST-1, ROT-4). The colleague is notified; once they accept, a station leader decides.',
    },
    path: StationPath,
    body: { schema: SwapBody, required: true, example: EXAMPLES.swap },
    answers: [{ status: 201, description: { zh: '等待对方接受的换班', en: 'The swap, waiting for the colleague' }, schema: Swap }],
    errors: [400, 401, 403, 404, 413, 422, 503],
  },
  'GET /stations/{stationId}/swaps': {
    tag: 'requests',
    summary: { zh: '换班列表', en: 'List swaps' },
    description: {
      zh: '所领导看到全所的换班；其他人只看到自己参与的。一次全部返回（next 始终为 null）。',
      en: 'Leaders see the whole station\'s; others those they are part of. All at once (next is always null).',
    },
    path: StationPath,
    query: SwapListQuery,
    answers: [{ status: 200, description: { zh: '换班', en: 'The swaps' }, schema: page(Swap) }],
    errors: [400, 401, 403, 404, 503],
  },
  'POST /stations/{stationId}/swaps/check': {
    tag: 'requests',
    summary: { zh: '提交前检查换班', en: 'Check a swap before proposing it' },
    description: {
      zh: '请求体和检查与提出换班相同，但不保存、不通知：可以换时返回 200 及双方的班，否则返回提出时会得到的 422（code 为违反的规则）。',
      en: 'The same body and checks as proposing, but nothing is stored or sent: 200 with both sides when allowed, else the very 422 the proposal would get (code is the rule broken).',
    },
    path: StationPath,
    body: { schema: SwapBody, required: true, example: EXAMPLES.swap },
    answers: [{ status: 200, description: { zh: '可以换班', en: 'The swap is allowed' }, schema: SwapCheck }],
    errors: [400, 401, 403, 404, 413, 422, 503],
  },
  'POST /stations/{stationId}/swaps/{swapId}/accept': {
    tag: 'requests',
    summary: { zh: '接受换班', en: 'Accept a swap' },
    description: {
      zh: '仅限被邀请的同事（否则 403 SW-1），且换班等待接受（已撤回或已审批结束返回 409，已接受的再接受返回 200）。接受后通知所领导审批。无需请求体。',
      en: 'Only the colleague asked (else 403 SW-1), and only a proposed swap (withdrawn or rejected: 409; accepting again answers 200). Then it waits for a station leader, who is notified. No body.',
    },
    path: SwapPath,
    answers: [{ status: 200, description: { zh: '等待审批的换班', en: 'The swap, waiting for a leader' }, schema: Swap }],
    errors: [400, 401, 403, 404, 409, 503],
  },
  'POST /stations/{stationId}/swaps/{swapId}/decisions': {
    tag: 'requests',
    summary: { zh: '批准或驳回换班', en: 'Approve or reject a swap' },
    description: {
      zh: '所长、教导员、副所长，且不是换班双方之一（否则 403 SW-1）；对方尚未接受时返回 409 SW-1。批准时按当前排班再检查一次：双方的班已有变化返回 409，违反硬性规则返回 422（code 为规则编号）。批准的换班作为一次单独的发布生效，双方收到通知。同一人重复同一决定返回 200。',
      en: 'Director, instructor, deputy of the station who is not one of the two (else 403 SW-1); before the colleague accepts, 409 SW-1. Approval checks again on the roster as it is now: either side changed since, 409; a broken hard rule, 422 with its code. An approved swap takes effect as a publication of its own; both are notified. The same leader repeating the same decision gets 200.',
    },
    path: SwapPath,
    body: { schema: RequestDecisionBody, required: true, example: EXAMPLES.requestDecision },
    answers: [{ status: 200, description: { zh: '审批后的换班', en: 'The swap after the decision' }, schema: Swap }],
    errors: [400, 401, 403, 404, 409, 413, 422, 503],
  },
  'POST /stations/{stationId}/swaps/{swapId}/withdraw': {
    tag: 'requests',
    summary: { zh: '撤回换班', en: 'Withdraw a swap' },
    description: {
      zh: '仅限提出人（否则 403 SW-1），且尚未审批（否则 409）；已撤回的再撤回返回 200。无需请求体。',
      en: 'Only who proposed it (else 403 SW-1), and only before a decision (else 409); withdrawing again answers 200. No body.',
    },
    path: SwapPath,
    answers: [{ status: 200, description: { zh: '已撤回的换班', en: 'The withdrawn swap' }, schema: Swap }],
    errors: [400, 401, 403, 404, 409, 503],
  },
  'GET /stations/{stationId}/inbox': {
    tag: 'requests',
    summary: { zh: '待我处理的事项', en: 'What waits for me' },
    description: {
      zh: '本所人员。所领导看到待审批的抽调、请假和换班；被邀请换班的同事看到等其接受的换班。每项带 canDecide（换班还有 canAccept），与审批接口的判断一致；counts 只统计本人可以处理的事项。',
      en: 'Any member of the station. Leaders: redeployments, leave and swaps waiting for a decision; a colleague asked to swap: the swaps waiting for them to accept. Each item carries canDecide (and canAccept for swaps), decided as the decision routes decide; counts includes only what the caller can act on.',
    },
    path: StationPath,
    answers: [{ status: 200, description: { zh: '待办事项', en: 'The inbox' }, schema: Inbox }],
    errors: [400, 401, 403, 404, 503],
  },
  'GET /me/notices': {
    tag: 'me',
    summary: { zh: '我的通知', en: 'My notices' },
    description: {
      zh: '排班变动、申请的审批结果、等待审批的申请、换班邀请，按时间从新到旧；文字按 Accept-Language 为中文或英文，unread 为未读条数。令牌须带所属派出所（否则 403 AUTH-STATION）。',
      en: 'Roster changes, decisions on one\'s requests, requests waiting for a decision, swap proposals, newest first; each sentence in the language of Accept-Language, and unread counts the unread ones. The token must name a station (else 403 AUTH-STATION).',
    },
    query: NoticesQuery,
    answers: [{ status: 200, description: { zh: '一页通知', en: 'A page of notices' }, schema: NoticesPage }],
    errors: [400, 401, 403, 503],
  },
  'POST /me/notices/read': {
    tag: 'me',
    summary: { zh: '标记通知已读', en: 'Mark notices read' },
    description: {
      zh: 'upTo（通知 id）及更早的通知都标为已读。已读标记只前进不后退，应答返回标记当前的位置。',
      en: 'Every notice up to upTo (a notice id) is read. The mark only moves forward; the answer says where it stands.',
    },
    body: { schema: NoticesReadBody, required: true, example: EXAMPLES.noticesRead },
    answers: [{ status: 200, description: { zh: '已读标记', en: 'The read mark' }, schema: NoticesRead }],
    errors: [400, 401, 403, 413, 503],
  },
  'POST /me/calendar-feed': {
    tag: 'me',
    summary: { zh: '生成日历订阅地址', en: 'Make a calendar feed URL' },
    description: {
      zh: '生成新的私密订阅地址（只显示这一次），添加到手机或电脑日历后自动同步本人已发布的排班；原来的地址立即失效。请求体可省略，或为 {}。仅限本所人员名单中的人（否则 404）。',
      en: 'Makes a new secret feed URL (shown this once); a phone or desktop calendar subscribed to it follows one\'s published roster. The previous URL stops working at once. The body may be left out or be {}. Only for people on the station\'s staff list (else 404).',
    },
    body: { schema: CalendarFeedBody, required: false },
    answers: [{ status: 201, description: { zh: '订阅地址', en: 'The feed URL' }, schema: CalendarFeed }],
    errors: [400, 401, 403, 404, 413, 503],
  },
  'DELETE /me/calendar-feed': {
    tag: 'me',
    summary: { zh: '停用日历订阅', en: 'Revoke the calendar feed' },
    description: { zh: '订阅地址立即失效；没有订阅时返回 404。', en: 'The feed URL stops working at once; without a feed, 404.' },
    answers: [{ status: 204, description: { zh: '已停用', en: 'Revoked' } }],
    errors: [401, 403, 404, 503],
  },
  'GET /feeds/{feed}': {
    tag: 'me',
    summary: { zh: '日历订阅内容（iCalendar，无需令牌）', en: 'A calendar feed (iCalendar, no token)' },
    description: {
      zh: '无需令牌：地址中的密钥就是凭证。返回本人从 30 天前到 92 天后的已发布排班（RFC 5545），日历应用定期拉取即可跟上每次发布。未知或已停用的地址返回 404。',
      en: 'No token: the secret in the URL is the key. Answers the person\'s published roster from 30 days back to 92 days ahead (RFC 5545); a calendar app polling it follows every publication. An unknown or revoked URL answers 404.',
    },
    path: FeedPath,
    answers: [{ status: 200, description: { zh: '个人日历', en: 'The person\'s calendar' }, mediaType: 'text/calendar' }],
    errors: [404, 503],
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
