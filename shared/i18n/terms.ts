// The station's words in both languages: posts, skills, absence reasons, meetings, weekdays, ranks, fields.
// An id the table does not know (a station's own skill, a newer post) is shown as it is.
type Lang = 'zh' | 'en';
type Table = Readonly<Record<string, readonly [zh: string, en: string]>>;

const pick = (table: Table, lang: Lang, id: string): string => {
  const entry = Object.hasOwn(table, id) ? table[id] : undefined;
  return entry ? entry[lang === 'zh' ? 0 : 1] : id;
};

export const POST_NAMES: Table = {
  community: ['社区工作', 'community work'],
  'flex-night': ['夜间弹性工作', 'flexible night'],
  'patrol-01': ['01巡逻车', 'patrol car 01'],
  'patrol-02': ['02巡逻车', 'patrol car 02'],
  'case-handling': ['办案', 'case handling'],
  'station-duty': ['值班', 'station duty'],
  standby: ['备勤', 'standby'],
  'routine-duty': ['常态勤务', 'routine duty'],
  'command-room': ['指挥室', 'command room'],
  'security-check': ['驻地安检', 'security check'],
  'large-event': ['大型活动安保', 'large-event security'],
  'special-operation': ['专项行动', 'special operation'],
  'reinforced-duty': ['一级加强勤务', 'level-1 reinforced duty'],
  meeting: ['会议', 'meeting'],
  rest: ['休息', 'rest'],
  absent: ['缺勤', 'absent'],
};
/** Short post codes for the people × days sheet (as the page's roster grid shows them). */
export const POST_CODES: Table = {
  community: ['社', 'C'],
  'flex-night': ['弹', 'F'],
  'patrol-01': ['巡1', 'P1'],
  'patrol-02': ['巡2', 'P2'],
  'case-handling': ['案', 'CH'],
  'station-duty': ['值', 'SD'],
  standby: ['备', 'SB'],
  'routine-duty': ['常', 'RD'],
  'command-room': ['指', 'CR'],
  'security-check': ['检', 'SC'],
  'large-event': ['活', 'LE'],
  'special-operation': ['专', 'SO'],
  'reinforced-duty': ['加', 'RF'],
  meeting: ['会', 'M'],
  rest: ['休', '-'],
  absent: ['缺', 'A'],
};
export const SKILL_NAMES: Table = {
  driver: ['驾驶', 'driver'],
  'case-handling': ['办案', 'case handling'],
  dispatcher: ['调度', 'dispatcher'],
};
export const REASON_NAMES: Table = {
  leave: ['休假', 'leave'],
  sick: ['病假', 'sick leave'],
  training: ['培训', 'training'],
  other: ['其他', 'other'],
};
export const MEETING_NAMES: Table = {
  quarterly: ['季度总结会', 'quarterly summary meeting'],
  monthly: ['月度总结会', 'monthly summary meeting'],
  progress: ['月度推进会', 'monthly progress meeting'],
  'party-committee': ['社区党委会', 'community party committee meeting'],
};
export const RANK_NAMES: Table = {
  director: ['所长', 'director'],
  instructor: ['教导员', 'political instructor'],
  deputy: ['副所长', 'deputy director'],
  officer: ['民警', 'officer'],
  auxiliary: ['辅警', 'auxiliary'],
};
export const KIND_NAMES: Table = { officer: ['民警', 'officer'], auxiliary: ['辅警', 'auxiliary'] };
export const GROUP_NAMES: Table = {
  director: ['所长', 'director'],
  instructor: ['教导员', 'instructor'],
  deputy: ['副所长', 'deputy'],
  officer: ['民警', 'officer'],
  auxiliary: ['辅警', 'auxiliary'],
  branch: ['分局', 'branch'],
  admin: ['管理员', 'admin'],
};
/** Top-level sections and person fields of the station document, for the audit's "what changed". */
export const FIELD_NAMES: Table = {
  name: ['名称', 'name'],
  timezone: ['时区', 'time zone'],
  rules: ['规则设置', 'rules'],
  shiftTypes: ['班次', 'shift types'],
  pattern: ['轮转方式', 'pattern'],
  groups: ['班组', 'duty groups'],
  communities: ['社区', 'communities'],
  people: ['人员', 'people'],
  demand: ['勤务需求', 'demand'],
  absences: ['缺勤', 'absences'],
  reinforcedDuty: ['加强勤务', 'reinforced duty'],
  calendar: ['日历', 'calendar'],
  branchId: ['分局', 'branch'],
  kind: ['类别', 'kind'],
  rank: ['职务', 'rank'],
  group: ['班组', 'duty group'],
  skills: ['技能', 'skills'],
  joined: ['入警日期', 'joined'],
  community: ['社区岗位', 'community post'],
  'community.id': ['社区', 'community'],
  'community.role': ['AB角', 'A/B role'],
  'community.dedicated': ['专职', 'dedicated'],
  'community.since': ['任职日期', 'since'],
  contract: ['合同', 'contract'],
};
/** Fields inside an item of a section (a shift type's hours, a demand entry's people), as a change names them. */
export const ITEM_FIELD_NAMES: Table = {
  hours: ['时长', 'hours'],
  start: ['开始时间', 'start'],
  name: ['名称', 'name'],
  code: ['代码', 'code'],
  night: ['夜班', 'night shift'],
  people: ['人数', 'people'],
  skills: ['技能', 'skills'],
  weekdays: ['星期', 'weekdays'],
  days: ['适用日子', 'days'],
  offset: ['错开天数', 'offset'],
  auxiliaries: ['辅警人数', 'auxiliaries'],
  neighbours: ['相邻网格', 'neighbouring grids'],
  post: ['岗位', 'post'],
  shift: ['班次', 'shift'],
};
const WEEKDAYS: readonly (readonly [string, string])[] = [
  ['', ''],
  ['周一', 'Mon'],
  ['周二', 'Tue'],
  ['周三', 'Wed'],
  ['周四', 'Thu'],
  ['周五', 'Fri'],
  ['周六', 'Sat'],
  ['周日', 'Sun'],
];

export const postName = (lang: Lang, id: string): string => pick(POST_NAMES, lang, id);
export const postCode = (lang: Lang, id: string): string => pick(POST_CODES, lang, id);
export const skillName = (lang: Lang, id: string): string => pick(SKILL_NAMES, lang, id);
export const reasonName = (lang: Lang, id: string): string => pick(REASON_NAMES, lang, id);
export const meetingName = (lang: Lang, id: string): string => pick(MEETING_NAMES, lang, id);
export const rankName = (lang: Lang, id: string): string => pick(RANK_NAMES, lang, id);
export const kindName = (lang: Lang, id: string): string => pick(KIND_NAMES, lang, id);
export const groupName = (lang: Lang, id: string): string => pick(GROUP_NAMES, lang, id);
export const fieldName = (lang: Lang, id: string): string => pick(FIELD_NAMES, lang, id);
export const itemFieldName = (lang: Lang, id: string): string => pick(ITEM_FIELD_NAMES, lang, id);
/** ISO weekday 1 (Monday) … 7 (Sunday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
export const weekdayName = (lang: Lang, date: string): string => WEEKDAYS[weekdayOf(date)]![lang === 'zh' ? 0 : 1];
