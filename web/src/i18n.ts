// Chinese and English. Chinese is the default when the browser prefers it (navigator.languages); the choice is kept
// in localStorage. Every string the page shows comes from here, so the two dictionaries must have the same keys
// (test/web/model.test.ts checks it). The language is a signal: a component that calls t() re-renders when it changes.
import { signal } from '@preact/signals';
import { branchEn, branchZh } from './i18n-branch.ts';
import { RANK_NAMES, fieldName, groupName, itemFieldName, kindName, postName, rankName, skillName } from '../../shared/i18n/terms.ts';
import { setupEn, setupZh } from './i18n-setup.ts';
import { calendarEn, calendarZh } from './i18n-calendar.ts';
import { jobsEn, jobsZh } from './i18n-jobs.ts';
import { dayToDayEn, dayToDayZh } from './i18n-daytoday.ts';

export type Lang = 'zh' | 'en';

const base = {
  appTitle: 'Duty roster planner',
  langToggle: '中文',
  langToggleLabel: 'Switch to Chinese',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInTitle: 'Sign in',
  signInIntro: 'Local development: pick a person of the demo station. Their role decides what you may do.',
  signInAs: 'Person',
  signInBranch: 'Branch supervising department (branch-1)',
  signInCognito: 'Sign in with your police account.',
  signInNone: 'No sign-in is configured for this site (config.json has no userPoolId/clientId, and there is no local /dev/token).',
  signedInAs: 'Signed in as',
  station: 'Station',
  start: 'Start',
  days: 'Days',
  createPlan: 'Create plan',
  creating: 'Planning…',
  publish: 'Publish',
  publishing: 'Publishing…',
  csv: 'CSV',
  calendar: 'Calendar (.ics)',
  exports: 'Export',
  planDraft: 'Draft plan',
  planPublished: 'Published plan',
  planSuperseded: 'Superseded plan',
  publishedRoster: 'Published roster',
  showPublished: 'Show the published roster of these dates',
  myRoster: 'My roster',
  noRoster: 'Nothing published for these dates yet.',
  noPlanYet: 'No plan on screen. Choose the dates and press “Create plan”; the published roster of the dates is shown here when there is one.',
  planCreated: 'Plan {id} created: {shortfalls} shortfalls, {violations} rule breaks.',
  planPublishedMsg: 'Plan {id} is published: the roster and its exports now show it.',
  needsReplan: 'An approval, absence, pin or swap changed {n} published day(s) of this plan ({dates}): “Re-plan changed days” above re-plans exactly those days.',
  roster: 'Roster',
  rosterCaption: '{from} – {to} · {people} people',
  person: 'Person',
  leadership: 'Station leadership',
  dutyGroup: 'Duty group {id}',
  community: 'Community {id}',
  communityNamed: 'Community {id} · {name}',
  auxiliaries: 'Auxiliaries',
  others: 'Others',
  roleA: 'A',
  roleB: 'B',
  roleALong: 'A role (lead)',
  roleBLong: 'B role (backup)',
  legend: 'Legend',
  weekend: 'Weekend',
  callIn: 'Called in on a day off',
  redeployed: 'Approved redeployment',
  reinforced: 'Level-1 reinforced duty',
  hardMark: 'Breaks a hard rule',
  softMark: 'Breaks a soft rule',
  shortMark: 'Shortfall that day',
  cellDetailsEmpty: 'Move through the roster with the arrow keys; the details of the focused cell are read here.',
  noAssignment: 'no assignment',
  hours: '{h} h',
  issues: 'Shortfalls and rule breaks',
  shortfalls: 'Shortfalls',
  violations: 'Rule breaks',
  noShortfalls: 'Every post is covered.',
  noViolations: 'No rule is broken.',
  missing: '{n} short',
  suggestions: 'Suggested redeployments',
  noSuggestions: 'No redeployment suggested.',
  requestRedeployment: 'Request redeployment',
  requested: 'Requested: {id}',
  kpis: 'Key figures',
  kpiDetails: 'Community hours and A/B coverage',
  onPostShare: 'On-post share',
  planGap: 'Proven within {gap} % of the best possible plan (score {score}, lower bound {bound}).',
  planOptimal: 'Proven optimal: no plan of these dates can score better (score {score}).',
  communityHours: 'Community hours per week (target {target} h)',
  communityHoursShort: 'Community weeks at target',
  abCoverage: 'A/B coverage per community and day',
  abCoverageShort: 'A/B coverage',
  covered: 'covered by {by}',
  notCovered: 'not covered',
  callIns: 'Call-ins',
  officer: 'Officer',
  week: 'Week',
  approvals: 'Pending approvals',
  approvalsIntro: 'Each pull of a dedicated community officer needs both chiefs (AP-1); routine duty and transfers also the branch (AP-2, AP-3).',
  noPending: 'No request is waiting.',
  approvalsUnavailable: 'This server does not offer redeployment approvals yet.',
  approve: 'Approve',
  reject: 'Reject',
  withdraw: 'Withdraw',
  comment: 'Comment',
  requestedBy: 'requested by {who}',
  cost: 'Cost (AP-6)',
  costLine: '{h} community hours lost',
  wouldBreak: 'would break',
  breaksNothing: 'breaks no community rule',
  required: 'Needs',
  waiting: 'waiting',
  approvedMark: 'approved',
  rejectedMark: 'rejected',
  decided: 'Decided here',
  ownRequest: 'You made this request or it concerns you: someone else decides (AP-4).',
  alreadyDecided: 'You have decided.',
  notYourRole: 'Only the director and instructor of the station (and the branch where listed) decide.',
  nowStatus: 'Request {id} is now {status}.',
  status_pending: 'pending',
  status_approved: 'approved',
  status_rejected: 'rejected',
  status_withdrawn: 'withdrawn',
  status_expired: 'expired',
  newRequest: 'New redeployment request',
  requestPerson: 'Community officer',
  requestPost: 'Post',
  requestFrom: 'From',
  requestTo: 'To',
  requestKind: 'Kind',
  kind_duty: 'duty (both chiefs)',
  'kind_routine-duty': 'routine duty (+ branch)',
  kind_transfer: 'transfer (+ branch)',
  replacement: 'Replacement',
  reason: 'Reason',
  submitRequest: 'Send request',
  error: 'Error',
  errorForbidden: 'Not allowed',
  errorConflict: 'Someone else changed it first — reload and try again',
  errorRule: 'Against a rule',
  errorBadInput: 'Please correct',
  errorAuth: 'Your sign-in has expired: sign in again.',
  errorNetwork: 'The server does not answer.',
  loading: 'Loading…',
  downloadFailed: 'Download failed',
  place_station: 'at the station',
  place_community: 'in the community',
  place_none: '',
  severity_hard: 'hard',
  severity_soft: 'soft',
  severity_station: 'station',
  severity_info: 'info',
  showInRoster: 'Show in the roster',
  weekLabel: 'week {n} of {year}',
  weekShort: 'W{n}',
  datePlaceholder: 'YYYY-MM-DD',
  dateHint: 'A date as YYYY-MM-DD; arrow up and down change it by a day.',
  dateInvalid: 'not a date',
  unsavedTitle: 'Unsaved changes',
  unsavedText: 'The set-up has changes that are not saved. Leave and lose them?',
  unsavedStay: 'Stay and keep editing',
  unsavedLeave: 'Leave without saving',
  screens: 'Screens',
  screen_roster: 'Roster',
  screen_staff: 'Staff',
  screen_communities: 'Communities and groups',
  screen_rotation: 'Rotation and shifts',
  screen_demand: 'Demand',
  screen_rules: 'Rules',
  screen_audit: 'Audit trail',
} as const;

const en = { ...base, ...setupEn, ...calendarEn, ...branchEn, ...jobsEn, ...dayToDayEn };

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  ...setupZh,
  ...calendarZh,
  ...jobsZh,
  ...branchZh,
  ...dayToDayZh,
  appTitle: '勤务排班',
  langToggle: 'EN',
  langToggleLabel: 'Switch to English',
  signIn: '登录',
  signOut: '退出',
  signInTitle: '登录',
  signInIntro: '本地开发：选择演示派出所的一名人员，其职务决定可做的操作。',
  signInAs: '人员',
  signInBranch: '分局主管部门（branch-1）',
  signInCognito: '使用警务账号登录。',
  signInNone: '本站未配置登录（config.json 无 userPoolId/clientId，且没有本地 /dev/token）。',
  signedInAs: '当前用户',
  station: '派出所',
  start: '开始日期',
  days: '天数',
  createPlan: '生成排班',
  creating: '排班中…',
  publish: '发布',
  publishing: '发布中…',
  csv: 'CSV',
  calendar: '日历（.ics）',
  exports: '导出',
  planDraft: '排班草案',
  planPublished: '已发布排班',
  planSuperseded: '已被替代的排班',
  publishedRoster: '已发布的排班表',
  showPublished: '查看这些日期已发布的排班表',
  myRoster: '我的排班',
  noRoster: '这些日期还没有发布的排班。',
  noPlanYet: '尚无排班。选择日期后点击“生成排班”；若这些日期已有发布的排班，会显示在这里。',
  planCreated: '已生成排班 {id}：缺口 {shortfalls} 个，违反规则 {violations} 处。',
  planPublishedMsg: '排班 {id} 已发布：排班表和导出文件均已更新。',
  needsReplan: '审批、缺勤、固定岗位或换班改变了本排班已发布的 {n} 天（{dates}）：可用上方的“重排有变化的日期”只重排这些日期。',
  roster: '排班表',
  rosterCaption: '{from} – {to} · {people} 人',
  person: '人员',
  leadership: '所领导',
  dutyGroup: '值班组 {id}',
  community: '社区 {id}',
  communityNamed: '社区 {id} · {name}',
  auxiliaries: '辅警',
  others: '其他',
  roleA: 'A',
  roleB: 'B',
  roleALong: 'A角（主责）',
  roleBLong: 'B角（协助）',
  legend: '图例',
  weekend: '周末',
  callIn: '休息日加班',
  redeployed: '经批准的调用',
  reinforced: '一级加强勤务',
  hardMark: '违反硬性规则',
  softMark: '违反柔性规则',
  shortMark: '当日有缺口',
  cellDetailsEmpty: '用方向键在排班表中移动；当前单元格的详情在此朗读。',
  noAssignment: '无安排',
  hours: '{h} 小时',
  issues: '缺口与违规',
  shortfalls: '岗位缺口',
  violations: '违反规则',
  noShortfalls: '所有岗位均已覆盖。',
  noViolations: '没有违反规则。',
  missing: '缺 {n} 人',
  suggestions: '建议的调用申请',
  noSuggestions: '没有调用建议。',
  requestRedeployment: '申请调用',
  requested: '已申请：{id}',
  kpis: '关键指标',
  kpiDetails: '社区工作时长与 AB 角覆盖',
  onPostShare: '在岗率',
  planGap: '与最优方案相差不超过 {gap} %（得分 {score}，下界 {bound}）。',
  planOptimal: '已证明为最优方案：这些日期不存在得分更低的方案（得分 {score}）。',
  communityHours: '社区民警每周驻社区时长（目标 {target} 小时）',
  communityHoursShort: '达标的社区周数',
  abCoverage: '各社区每日 AB 角在岗情况',
  abCoverageShort: 'AB 角覆盖',
  covered: '在岗：{by}',
  notCovered: '无人在岗',
  callIns: '加班次数',
  officer: '民警',
  week: '周',
  approvals: '待审批',
  approvalsIntro: '动用专职社区民警须经所长和教导员双正职批准（AP-1）；常态勤务和抽调还须分局主管部门批准（AP-2、AP-3）。',
  noPending: '没有待审批的申请。',
  approvalsUnavailable: '此服务器尚未提供调用审批。',
  approve: '批准',
  reject: '驳回',
  withdraw: '撤回',
  comment: '意见',
  requestedBy: '申请人 {who}',
  cost: '代价（AP-6）',
  costLine: '减少社区工作 {h} 小时',
  wouldBreak: '将违反',
  breaksNothing: '不违反社区规则',
  required: '需批准',
  waiting: '待定',
  approvedMark: '已批准',
  rejectedMark: '已驳回',
  decided: '本次已处理',
  ownRequest: '这是您提出或涉及您本人的申请，须由他人审批（AP-4）。',
  alreadyDecided: '您已审批。',
  notYourRole: '仅本所所长、教导员（及列明的分局）可以审批。',
  nowStatus: '申请 {id} 现为：{status}。',
  status_pending: '待审批',
  status_approved: '已批准',
  status_rejected: '已驳回',
  status_withdrawn: '已撤回',
  status_expired: '已过期',
  newRequest: '新建调用申请',
  requestPerson: '社区民警',
  requestPost: '岗位',
  requestFrom: '起',
  requestTo: '止',
  requestKind: '类型',
  kind_duty: '勤务（双正职）',
  'kind_routine-duty': '常态勤务（+分局）',
  kind_transfer: '抽调（+分局）',
  replacement: '接替人员',
  reason: '理由',
  submitRequest: '提交申请',
  error: '错误',
  errorForbidden: '无权操作',
  errorConflict: '已被他人修改——请刷新后重试',
  errorRule: '违反规则',
  errorBadInput: '请更正',
  errorAuth: '登录已过期，请重新登录。',
  errorNetwork: '服务器无响应。',
  loading: '加载中…',
  downloadFailed: '下载失败',
  place_station: '所内',
  place_community: '社区',
  place_none: '',
  severity_hard: '硬性',
  severity_soft: '柔性',
  severity_station: '全所',
  severity_info: '提示',
  showInRoster: '在排班表中查看',
  weekLabel: '{year}年第{n}周',
  weekShort: '第{n}周',
  datePlaceholder: '年-月-日',
  dateHint: '日期格式：年-月-日（如 2026-12-07）；上下方向键按天调整。',
  dateInvalid: '日期无效',
  unsavedTitle: '有未保存的修改',
  unsavedText: '设置中有尚未保存的修改。离开将丢失这些修改，确定离开吗？',
  unsavedStay: '留下继续编辑',
  unsavedLeave: '不保存，离开',
  screens: '页面',
  screen_roster: '排班',
  screen_staff: '人员',
  screen_communities: '社区与班组',
  screen_rotation: '轮班与班次',
  screen_demand: '岗位需求',
  screen_rules: '规则设置',
  screen_audit: '操作记录',
};

/** Short Chinese names of the rules (the catalogue's titles are English; a rule missing here shows its English title). */
export const RULE_TITLES_ZH: Record<string, string> = {
  'ROT-1': '三班两运转',
  'ROT-2': '四班三运转',
  'ROT-3': '轮班模式',
  'ROT-4': '请假、培训人员不排班',
  'REST-1': '最短休息时间',
  'NIGHT-1': '连续夜班',
  'SLOT-1': '同一时段只任一岗',
  'SKILL-1': '岗位所需技能',
  'PLAN-1': '每人每天均有安排',
  'FB-1': '不准从事 01、02 巡逻车值守',
  'FB-2': '不办理行政拘留以上案件',
  'FB-3': '未经批准不从事其他非社区工作',
  'FB-4': '一级加强勤务',
  'CP-1': '社区工作时间占比',
  'CP-2': '每周驻社区时长',
  'CP-3': '每周夜间弹性工作',
  'CP-4': '社区民警占比',
  'CP-5': '一社区一警两辅',
  'AB-1': '社区警组',
  'AB-2': '避免断点',
  'CAL-1': '所务会议',
  'CAL-2': '社区党委会议',
  'CAL-3': '法定节假日与调休',
  COVER: '岗位需求覆盖',
  'CALLIN-1': '少占休息日',
  'FAIR-1': '公平分配',
  'STAB-1': '排班稳定',
  'REDEPLOY-1': '谨慎使用调用',
  'SEQ-1': '最多连续工作天数',
  'SEQ-2': '最少连续工作天数',
  'SEQ-3': '最少连续休息天数',
  'WKD-1': '周末工作次数上限',
  'TYPE-1': '同类班次次数上限',
  'TIME-1': '工作时长',
  'SUCC-1': '禁止的班次衔接',
  'REQ-1': '排班意愿',
  'AP-1': '双正职批准',
  'AP-2': '报分局批准',
  'AP-3': '先补充、后调离',
  'AP-4': '不得审批本人申请',
  'AP-5': '申请范围',
  'AP-6': '调用代价',
  'CP-6': '任职年限',
  'PIN-1': '固定岗位予以保留',
  'LV-1': '请假由所领导审批',
  'SW-1': '换班',
};

/** Chinese one-line meanings of the rules (the catalogue's sentences are English). */
export const RULE_SENTENCES_ZH: Record<string, string> = {
  'CP-1': '专职社区民警的工作时间中，在社区工作的比例不低于本所设定值（默认 90%）。',
  'CP-2': '专职社区民警每周驻社区工作不少于本所设定的小时数（默认 36 小时）。',
  'CP-3': '每名专职社区民警每周在社区开展一次夜间弹性工作。',
  'CP-4': '社区民警占本所民警的比例不低于 40%。',
  'CP-5': '每个社区配一名专职民警和两名辅警，社区警务室始终有人。',
  'REST-1': '排班外的工作前后，至少留出本所设定的最短休息时间。',
  'NIGHT-1': '任何人连续夜班不超过本所允许的次数。',
  'SEQ-1': '任何人连续工作天数不超过规定。',
  'SEQ-2': '一段连续工作不少于规定的最少天数（排班首尾除外）。',
  'SEQ-3': '两段工作之间的休息不少于规定的最少天数（排班首尾除外）。',
  'WKD-1': '任何人工作的周末数不超过规定；周六或周日有班即算该周末工作。',
  'TYPE-1': '任何人同一类班次（早班、晚班、夜班等）的次数不超过规定；上限为 0 表示从不排该班次。',
  'AB-2': '每个法定工作日，每个网格都有 A 角或一名 B 角在社区工作（避免断点）。',
  'CAL-3': '排班遵循国务院公布的法定节假日和调休安排；没有当年数据时如实提示，绝不猜测。',
  COVER: '各岗位按本所需求配齐人员；无法满足的作为缺口报告并说明原因。',
  'ROT-4': '请假、培训或病休人员在相应日期不排班。',
  'SKILL-1': '需要技能的岗位（驾驶、办案、指挥调度）只安排具备该技能的人员。',
  'FB-1': '专职社区民警不准从事 01、02 巡逻车的值守工作。',
  'FB-2': '专职社区民警不办理行政拘留以上案件，不承担办案指标。',
  'FB-3': '专职社区民警只有在经批准调用的人员、岗位和日期内，才从事值班、勤务、指挥室、安检、大型活动或专项行动等非社区工作。',
  'PIN-1': '所领导对今后某天手工固定的岗位，以后每次排班都保留；违反硬性规则的固定会被拒绝并说明规则。',
  'LV-1': '民警或辅警申请请假，由所领导（而非本人）批准或驳回；批准的请假即为缺勤。',
  'SW-1': '两人可以换班：对方同意、所领导批准，且换班不违反任何一方的硬性规则。',
};

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, zh };

const current = signal<Lang>('en');

export function preferredLang(languages: readonly string[], stored: string | null): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  for (const l of languages) {
    const tag = l.toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

export function setLang(lang: Lang): void {
  current.value = lang;
}

export function lang(): Lang {
  return current.value;
}

/** The message for a key in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = DICTIONARIES[current.value][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * The station's own words (posts, skills, ranks and groups, officer/auxiliary, fields of the station document) come
 * from the core's terms (shared/i18n/terms.ts), so the page, the files and the API's sentences name them alike.
 * English labels start with a capital.
 */
const TERMS: Record<string, (lang: Lang, id: string) => string> = {
  post: postName,
  skill: skillName,
  role: (l, id) => (Object.hasOwn(RANK_NAMES, id) ? rankName(l, id) : groupName(l, id)),
  personKind: kindName,
  section: fieldName,
  personField: fieldName,
  itemField: itemFieldName,
};
const LABELS = new Set(['post', 'role', 'personKind']);

/** A message whose key is built at run time (status_*, kind_*, …) or a term of the station; falls back to the raw value. */
export function tx(prefix: string, value: string): string {
  const term = TERMS[prefix];
  if (term) {
    const word = term(current.value, value);
    return current.value === 'en' && LABELS.has(prefix) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  }
  const key = `${prefix}_${value}` as MessageKey;
  return key in en ? t(key) : value;
}

const locale = () => (current.value === 'zh' ? 'zh-CN' : 'en-GB');

/** `Mon 23 Nov` / `11月23日 周一`. */
export function formatDay(date: string, style: 'short' | 'long' | 'date' | 'weekday' = 'short'): string {
  const d = new Date(`${date}T12:00:00Z`);
  const opts: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : style === 'date'
        ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
        : style === 'weekday'
          ? { weekday: 'long', timeZone: 'UTC' }
          : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(), opts).format(d);
}

export function weekdayShort(date: string): string {
  return new Intl.DateTimeFormat(locale(), { weekday: current.value === 'zh' ? 'narrow' : 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export function formatPercent(x: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(x);
}
