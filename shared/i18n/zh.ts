// 中文句子：与 en.ts 相同的键和参数（类型保证两者键一致）。规则编号、人员编号、社区编号、班次代码原样保留。
import type { en } from './en.ts';
import { joinList, list, num, objects, round1, str, type Json, type Params, type Template } from './format.ts';
import { detailText } from './details.ts';
import { fieldName, groupName, itemFieldName, kindName, meetingName, postName, rankName, reasonName, skillName, weekdayName } from './terms.ts';

const STAFF_HEADERS: Record<string, string> = { name: '姓名', id: '警号', kind: '类别', rank: '职务', group: '班组', skills: '技能', community: '社区', role: 'AB角', dedicated: '专职', since: '任职日期', joined: '入警日期' };
/** CP-2's target is pro-rated for days of absence and public holidays in the week. */
function proRated(p: Params): string {
  const reasons = [...(num(p.absentDays) > 0 ? [`缺勤${num(p.absentDays)}天`] : []), ...(num(p.holidayDays) > 0 ? [`法定节假日${num(p.holidayDays)}天`] : [])];
  return reasons.length ? `（按${reasons.join('、')}由${num(p.weekly)}小时折算）` : '';
}

const staffHeaderZh = (c: string): string => STAFF_HEADERS[c] ?? c;

const who = (p: Params, name = 'name', id = 'personId'): string => (p[name] ? `${str(p[name])}（${str(p[id])}）` : str(p[id]));
const post = (v: Json | undefined): string => postName('zh', str(v));
const posts = (v: Json | undefined): string => joinList(list(v).map((x) => postName('zh', x)), 'zh');
const skills = (v: Json | undefined): string => list(v).map((s) => skillName('zh', s)).join('+');
const pct = (share: number): string => `${Math.round(share * 100)}%`;
const h = (n: number): string => `${round1(n)}小时`;
const withDay = (date: string): string => `${date}（${weekdayName('zh', date)}）`;
const weekSpan = (p: Params): string => `${str(p.week)}（${str(p.from)}至${str(p.to)}）`;
const rules = (v: Json | undefined): string => list(v).join('、');
/** 审计里的"谁"：人员编号（操作者的 sub）。 */
const actor = (v: Json | undefined): string => str(v);
const status = (v: Json | undefined): string =>
  ({ pending: '待审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回', expired: '已过期' })[str(v)] ?? str(v);
const kind = (v: Json | undefined): string => ({ duty: '勤务', 'routine-duty': '常态勤务', transfer: '抽调' })[str(v)] ?? str(v);

/** 请假、换班的状态。 */
const requestStatus = (v: Json | undefined): string =>
  ({ pending: '正在等待审批', proposed: '正在等待同事确认', approved: '已经批准', rejected: '已经驳回', withdrawn: '已经撤回' })[str(v)] ?? `状态为${str(v)}`;
const decisionWord = (v: Json | undefined): string => (str(v) === 'approve' ? '批准' : str(v) === 'reject' ? '驳回' : str(v));
const REQUEST_KIND: Record<string, string> = { leave: '请假', swap: '换班', redeployment: '调用' };
/** 通知里的日期：一天，或“起 至 止”。 */
const span = (p: Params): string => (str(p.from) === str(p.to) ? str(p.from) : `${str(p.from)} 至 ${str(p.to)}`);

function whereabouts(w: Params): string {
  switch (str(w.kind)) {
    case 'absent':
      return `缺勤（${reasonName('zh', str(w.reason))}）`;
    case 'none':
      return '没有安排';
    case 'absentPost':
      return '缺勤';
    case 'resting':
      return '休息';
    default:
      return objects(w.items)
        .map((a) => {
          switch (str(a.kind)) {
            case 'redeployed':
              return `被调用至${post(a.post)}`;
            case 'reinforced':
              return '在一级加强勤务';
            case 'flex':
              return '在夜间弹性工作';
            case 'community':
              return `在社区${str(a.communityId) || '?'}工作`;
            case 'meeting':
              return '在开会';
            default:
              return `在${post(a.post)}`;
          }
        })
        .join('，并');
  }
}

const OFF_PATTERN: Record<string, string> = { 'call-in': '加班召回', redeployment: '调用', reinforced: '加强勤务', flex: '夜间弹性工作' };

function shortfall(p: Params): string {
  const needs = list(p.skills);
  const withSkill = needs.length ? `具备${skills(p.skills)}技能的` : '';
  const groups = list(p.groups);
  const whoIs = groups.length ? `班组${groups.join('/')}` : `${str(p.shift)}班`;
  const onShift = num(p.onShift);
  const absent = num(p.absent);
  const busy = num(p.busy);
  const dedicated = num(p.dedicatedOnDuty);
  const calledIn = num(p.calledIn);
  const offBlocked = num(p.offBlocked);
  const offDuty = num(p.offDuty);
  const fb = str(p.fb);
  const parts = [`${whoIs}在${str(p.shift)}班有${withSkill}${onShift + absent}人`];
  if (absent) parts.push(`${absent}人缺勤（ROT-4）`);
  if (busy) parts.push(`${busy}人已在${posts(p.busyPosts)}`);
  if (dedicated && fb) parts.push(`其余${dedicated}名${withSkill}在岗民警是专职社区民警（${fb}${fb === 'FB-3' ? '：需经批准的调用' : ''}）`);
  if (calledIn) parts.push(`${calledIn}名${withSkill}人员已从休息日召回`);
  if (offBlocked) parts.push(`当天休息的${offBlocked}人若被召回将不足${num(p.minRest)}小时休息（REST-1）`);
  else if (offDuty && !busy) parts.push(`当天休息的${offDuty}人无法召回`);
  if (onShift + absent === 0 && dedicated === 0 && offDuty === 0) parts.push(`所里没有人${needs.length ? `具备${skills(p.skills)}技能` : '有空'}（SKILL-1）`);
  return `${str(p.date)} ${str(p.shift)}班的${post(p.post)}缺${num(p.missing)}人：${parts.join('；')}。`;
}

function fb3Why(p: Params): string {
  switch (str(p.why)) {
    case 'uncited':
      return `该安排未注明已批准的调用${str(p.redeploymentId)}`;
    case 'elsewhere':
      return `调用${str(p.redeploymentId)}批准的是${str(p.coveredPersonId)}在${str(p.coveredFrom)}至${str(p.coveredTo)}的${post(p.coveredPost)}，不是这一天和这个岗位`;
    case 'unapproved':
      return `调用${str(p.redeploymentId)}未获批准`;
    default:
      return '没有已批准的调用涵盖该民警、岗位和日期';
  }
}

function communityGap(p: Params): string {
  const officers = objects(p.officers);
  const why = officers.length === 0 ? '该社区没有社区民警' : officers.map((o) => `${str(o.name)}（${str(o.personId)}${o.role ? `，${str(o.role)}角` : ''}）${whereabouts((o.where ?? {}) as Params)}`).join('；');
  const what = str(p.rule) === 'CAL-2' ? '每周社区党委会当天没有社区民警在社区工作' : 'A角和B角都不在社区工作';
  return `社区${str(p.communityName)}（${str(p.communityId)}）${withDay(str(p.date))}：${what}：${why}（${str(p.rule)}）`;
}

/** 审计差异里的取值：职务、类别、技能、是否等译成中文。 */
function show(field: string, v: Json | undefined): string {
  if (v === undefined || v === null || v === '') return '（无）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (field === 'skills') return Array.isArray(v) ? (v.length ? v.map((s) => skillName('zh', str(s))).join('、') : '（无）') : skillName('zh', str(v));
  if (field === 'rank') return rankName('zh', str(v));
  if (field === 'kind') return kindName('zh', str(v));
  if (field === 'community.role') return `${str(v)}角`;
  if (Array.isArray(v)) return `[${v.map(str).join('、')}]`;
  return str(v);
}

function change(c: Params): string {
  const field = str(c.field);
  const label = fieldName('zh', field);
  switch (str(c.kind)) {
    case 'person.added':
      return `新增${who(c)}`;
    case 'person.removed':
      return `删除${who(c)}`;
    case 'person.changed':
      return `${who(c)}：${label}由${show(field, c.from)}改为${show(field, c.to)}`;
    case 'item.added':
      return `${label}：新增${str(c.id)}`;
    case 'item.removed':
      return `${label}：删除${str(c.id)}`;
    case 'item.changed':
      return `${label}${str(c.id)}：${itemFieldName('zh', str(c.path))}由${show(str(c.path), c.from)}改为${show(str(c.path), c.to)}`;
    default:
      return `${label}${c.path ? `（${fieldName('zh', str(c.path))}）` : ''}：由${show(field, c.from)}改为${show(field, c.to)}`;
  }
}

/** A plan's status as a Chinese reader says it. */
const statusZh = (status: string): string => ({ draft: '草案', published: '已发布', superseded: '已被取代', failed: '失败', solving: '计算中' })[status] ?? status;

export const zh: Record<keyof typeof en, Template> = {
  shortfall,
  'suggestion.redeployment': (p) => {
    const breaks = list(p.breaks);
    return `${str(p.date)} ${str(p.shift)}班的${post(p.post)}缺人，只有专职社区民警有空；${who(p)}在${str(p.week)}将少${num(p.lost)}小时社区工作${breaks.length ? `，违反${rules(p.breaks)}` : '，不违反CP-1、CP-2和AB-2'}。须经所长和教导员双正职批准（AP-1）。`;
  },
  'PLAN-1.missing': (p) => `${who(p)}在${list(p.dates).join('、')}没有安排：排班期内每人每天都要有安排，休息和缺勤也算（PLAN-1）`,
  'PLAN-1.stranger': (p) => `${str(p.personId)}被排了班，但不是本所人员（PLAN-1）`,
  'PLAN-1.outside': (p) => `${who(p)}在${list(p.dates).join('、')}有安排，超出排班期（自${str(p.start)}起${num(p.days)}天）（PLAN-1）`,
  'ROT-4': (p) => `${who(p)}在${str(p.date)}被排在${post(p.post)}，但其缺勤（${reasonName('zh', str(p.reason))}，${str(p.from)}至${str(p.to)}）；缺勤人员不排班（ROT-4）`,
  'SLOT-1': (p) => `${who(p)}同时在${post(p.post)}（${str(p.start)}–${str(p.end)}）和${post(p.otherPost)}（${str(p.otherStart)}–${str(p.otherEnd)}）；同一时间只能在一个岗位（SLOT-1）`,
  'SKILL-1': (p) => `${who(p)}在${str(p.date)}被排在${post(p.post)}（${str(p.shift)}班），但不具备该岗位所需的${skills(p.skills)}技能（SKILL-1）`,
  'FB-1': (p) => `${who(p)}在${str(p.date)}被排在${post(p.post)}：专职社区民警不准从事01、02巡逻车的值守工作，任何审批都不能改变（FB-1）`,
  'FB-2': (p) => `${who(p)}在${str(p.date)}被排在办案岗位：专职社区民警不办理案件，任何审批都不能改变（FB-2）`,
  'FB-3': (p) => `${who(p)}在${str(p.date)}被排在${post(p.post)}，离开了社区工作：${fb3Why(p)}（FB-3）`,
  'FB-4': (p) => `${who(p)}在${str(p.date)}被排在一级加强勤务：${p.inPeriod ? '该安排未标记为加强勤务，当天未被记录' : '当天未宣布一级加强勤务'}（FB-4）`,
  'REST-1': (p) =>
    `${who(p)}在${post(p.post)}（${str(p.end)}结束）和${post(p.nextPost)}（${str(p.nextStart)}开始）之间只有${h(num(p.gap))}；涉及${OFF_PATTERN[str(p.offPattern)] ?? str(p.offPattern)}时至少要休息${num(p.minRest)}小时（REST-1）`,
  'NIGHT-1': (p) => `${who(p)}连续上${num(p.count)}个夜班（${str(p.from)}至${str(p.to)}）；本所最多允许${num(p.max)}个（NIGHT-1）`,
  'CP-1': (p) =>
    `${who(p)}在${weekSpan(p)}的${h(num(p.workingHours))}工作时间中只有${h(num(p.communityHours))}（${pct(num(p.share))}）在社区；本所要求至少${pct(num(p.target))}（CP-1）`,
  'CP-2': (p) =>
    `${who(p)}在${weekSpan(p)}的社区工作时间为${h(num(p.communityHours))}；目标为${h(num(p.target))}${proRated(p)}（CP-2）`,
  'CP-3': (p) => `${who(p)}在${weekSpan(p)}上班，但当周没有夜间弹性社区工作（CP-3）`,
  'community.gap': communityGap,
  'CAL-1': (p) =>
    `${who(p)}在${withDay(str(p.date))}被排在${posts(p.posts)}，当天召开${joinList(list(p.meetings).map((m) => meetingName('zh', m)), 'zh')}${list(p.movedFrom).length ? `（因节假日由${list(p.movedFrom).join('、')}顺延）` : ''}：会议日要留给在岗的社区民警（CAL-1）`,
  'CAL-3.year': (p) =>
    `没有${str(p.year)}年的法定节假日数据：尚未载入国务院${str(p.year)}年放假和调休安排，${str(p.from)}至${str(p.to)}暂按普通周（周一至周五上班、无节假日）排班；请管理员在日历页载入该年的放假通知（CAL-3）`,
  'CAL-3': (p) =>
    `${who(p)}在${withDay(str(p.date))}排了社区工作日班（W），当天${p.holiday ? `是法定节假日（${str(p.holiday)}）` : '不是法定工作日'}：社区工作日班只排在法定工作日（CAL-3）`,
  COVER: (p) =>
    `${withDay(str(p.date))}${str(p.shift)}班的${post(p.post)}需要${num(p.needed)}人，实有${num(p.have)}人${num(p.reported) > 0 ? `，已报告缺${num(p.reported)}人` : ''}：另有${num(p.silent)}人的缺口未报告（COVER）`,
  'SEQ-1': (p) => `${who(p)}：因加班召回连续工作${num(p.count)}天；本所最多允许${num(p.max)}天（SEQ-1）`,
  'SEQ-3': (p) => `${who(p)}：加班召回后只连续休息${num(p.count)}天；本所要求至少${num(p.min)}天（SEQ-3）`,
  'WKD-1': (p) => `${who(p)}：工作了${num(p.worked)}个周末，其中${num(p.byCallIn)}个只因加班召回；本排班期本所最多允许${num(p.max)}个（WKD-1）`,
  'TYPE-1': (p) => `${who(p)}：含班外工作共${num(p.count)}个${str(p.shift)}班；本排班期本所最多允许${num(p.max)}个（TYPE-1）`,
  'CP-4': (p) => `本所${num(p.officers)}名民警中有${num(p.dedicated)}名（${pct(num(p.share))}）专职社区民警；至少需要${pct(num(p.target))}（CP-4）`,
  'CP-5': (p) => {
    const problems = [...(p.noDedicated ? ['没有专职社区民警'] : []), ...(p.fewAuxiliaries ? [`只有${num(p.auxiliaries)}名辅警，不是2名`] : [])];
    return `社区${str(p.communityName)}（${str(p.communityId)}）${problems.join('，且')}：一区一警两辅（CP-5）`;
  },
  'AB-1': (p) => {
    const problems = [
      ...(p.badSize ? [`有${num(p.officers)}名社区民警，不在2至5名之间`] : []),
      ...(p.badA ? [`有${num(p.as)}个A角，不是恰好一个`] : []),
      ...(p.noB ? ['没有B角'] : []),
    ];
    return `社区${str(p.communityName)}（${str(p.communityId)}）${problems.join('，')}：社区警务组由一名A角和一名以上B角组成，共2至5名民警（AB-1）`;
  },
  'cost.week': (p) => {
    const breaks = list(p.breaks);
    const findings = [
      ...(breaks.includes('CP-2') ? [`低于${h(num(p.target))}的目标：违反CP-2`] : []),
      ...(breaks.includes('CP-1') ? [`社区工作占比${pct(num(p.shareAfter))}，低于${pct(num(p.share))}：违反CP-1`] : []),
    ];
    return `${weekSpan(p)}：${who(p)}少${h(num(p.lost))}社区工作（${h(num(p.before))} → ${h(num(p.after))}）${findings.length ? `；${findings.join('；')}` : '；CP-1和CP-2均满足'}`;
  },
  'cost.gap': (p) => `${withDay(str(p.date))}：网格${str(p.communityId)}没有其他人在社区工作：违反AB-2`,
  'audit.station.created': (p) => `创建了派出所“${str(p.name)}”，共${num(p.people)}人`,
  'audit.station.unchanged': () => '保存了设置，没有改动',
  'audit.station.changed': (p) => {
    const changes = objects(p.changes);
    const shown = changes.slice(0, 8).map(change);
    const more = changes.length > shown.length ? `；另有${changes.length - shown.length}处改动` : '';
    return `修改了${list(p.sections).map((s) => fieldName('zh', s)).join('、')}${shown.length ? `：${shown.join('；')}${more}` : ''}`;
  },
  'audit.plan.created': (p) =>
    `${p.night ? `${str(p.night)}夜间任务：` : ''}为${num(p.people)}人编排了${str(p.start)}至${str(p.end)}共${num(p.days)}天的排班（${p.night ? '' : '草稿'}${str(p.planId)}）：缺口${num(p.shortfalls)}处，违反硬性规则${num(p.hard)}处`,
  'audit.plan.published': (p) =>
    `${p.night ? `${str(p.night)}夜间任务：` : ''}发布了排班${str(p.planId)}（${str(p.start)}至${str(p.end)}）${list(p.takesOver).length > 0 ? `；这些日期取代${list(p.takesOver).join('、')}` : ''}`,
  'audit.plan.replan-needed': (p) => {
    const dates = list(p.dates);
    const cause = (p.cause ?? {}) as Params;
    const why =
      str(cause.kind) === 'day-to-day'
        ? str(cause.zh)
        : str(cause.kind) === 'reinforced'
        ? `分局宣布了${str(cause.from)}至${str(cause.to)}的一级加强勤务（FB-4）`
        : `申请${str(cause.requestId)}（${str(cause.personId)}，${post(cause.post)}，${str(cause.from)}至${str(cause.to)}）${status(cause.status)}`;
    return `排班${str(p.planId)}已发布的${dates.length}天（${dates[0] ?? ''}${dates.length > 1 ? `至${dates[dates.length - 1]}` : ''}）需要重新编排：${why}`;
  },
  'audit.redeployment.requested': (p) =>
    `申请将${who(p)}于${str(p.from)}至${str(p.to)}调至${post(p.post)}（${kind(p.kind)}${p.replacementId ? `，由${who(p, 'replacementName', 'replacementId')}接替` : ''}）；需${list(p.required).map((g) => groupName('zh', g)).join('、')}审批；` +
    `少${num(p.lost)}小时社区工作${list(p.breaks).length ? `，违反${rules(p.breaks)}` : ''}`,
  'audit.redeployment.decided': (p) => {
    const outcome =
      str(p.transition) === 'approved'
        ? '现已批准'
        : str(p.transition) === 'rejected'
          ? '现已驳回'
          : `已有${num(p.approvals)}/${num(p.required)}项批准；等待${list(p.waiting).map((g) => groupName('zh', g)).join('、')}`;
    return `${actor(p.actor)}（${groupName('zh', str(p.role))}）${str(p.decision) === 'approve' ? '批准' : '驳回'}了申请${str(p.requestId)}（${str(p.personId)}，${post(p.post)}，${str(p.from)}至${str(p.to)}）：${outcome}`;
  },
  'audit.redeployment.withdrawn': (p) =>
    `${actor(p.actor)}撤回了${p.wasApproved ? '已批准的' : ''}申请${str(p.requestId)}（${str(p.personId)}，${post(p.post)}，${str(p.from)}至${str(p.to)}）${p.reason ? `：${str(p.reason)}` : ''}`,
  'audit.redeployment.expired': (p) => `申请${str(p.requestId)}已过期：到首日${str(p.from)}仍未审批（${str(p.personId)}，${post(p.post)}）`,
  'audit.reinforced-duty.declared': (p) => `宣布${str(p.stationId)}于${str(p.from)}至${str(p.to)}实行一级加强勤务${p.note ? `：${str(p.note)}` : ''}（FB-4）`,
  'audit.change': (p) => change(p),
  'audit.leave.requested': (p) => `${str(p.requestedBy)}为${str(p.personId)}申请请假：${str(p.from)}至${str(p.to)}（${reasonName('zh', str(p.reason))}）（LV-1）`,
  'audit.leave.decided': (p) =>
    `${decisionWord(p.decision)}了${str(p.personId)}的请假申请${str(p.leaveId)}（${str(p.from)}至${str(p.to)}）${p.comment ? `：${str(p.comment)}` : ''}（LV-1）`,
  'audit.leave.withdrawn': (p) => `撤回了请假申请${str(p.leaveId)}（${str(p.from)}至${str(p.to)}）`,
  'audit.leave.absence': (p) =>
    `登记了${str(p.personId)}的缺勤${str(p.absenceId)}（${str(p.from)}至${str(p.to)}，${reasonName('zh', str(p.reason))}）：请假申请${str(p.leaveId)}已批准（LV-1、ROT-4）`,
  'audit.swap.proposed': (p) =>
    `${str(p.personId)}提出以自己${str(p.date)}的${post(p.post)}与${str(p.withPersonId)}在${str(p.withDate)}的${post(p.withPost)}换班（SW-1）`,
  'audit.swap.accepted': (p) => `${str(p.personId)}同意了换班${str(p.swapId)}，等待所领导审批（SW-1）`,
  'audit.swap.decided': (p) =>
    `${decisionWord(p.decision)}了换班${str(p.swapId)}（${str(p.personId)} ${str(p.date)}与${str(p.withPersonId)} ${str(p.withDate)}）（SW-1）`,
  'audit.swap.withdrawn': (p) => `撤回了换班${str(p.swapId)}`,
  'audit.swap.planned': (p) =>
    `把已批准的换班${str(p.swapId)}（${str(p.personId)} ${str(p.date)}与${str(p.withPersonId)} ${str(p.withDate)}）编为排班${str(p.planId)}（${str(p.start)}至${str(p.end)}）（SW-1）`,
  'audit.swap.published': (p) =>
    `发布了换班${str(p.swapId)}的排班${str(p.planId)}（${str(p.start)}至${str(p.end)}）${list(p.takesOver).length ? `；这些日期取代${list(p.takesOver).join('、')}` : ''}（SW-1）`,
  'audit.absence': (p) =>
    `${str(p.action) === 'absence.recorded' ? '登记' : '撤销'}了${str(p.personId)}的缺勤${str(p.absenceId)}（${str(p.from)}至${str(p.to)}，${reasonName('zh', str(p.reason))}）（ROT-4）`,
  'audit.pin': (p) =>
    `${str(p.action) === 'pin.set' ? '将' : '取消了'}${str(p.personId)}在${withDay(str(p.date))}${str(p.action) === 'pin.set' ? '固定为' : '的固定岗位'}${post(p.post)}（${str(p.shift)}班）${p.replaces ? `，取代${str(p.replaces)}` : ''}（PIN-1）`,
  'audit.replan': (p) => {
    const days = list(p.days);
    return `重排了有变化的${days.length}天：${days.join('、')}（草稿${str(p.planId)}，${str(p.start)}至${str(p.end)}的其他日期保持不变）：${num(p.changed)}处安排有变化`;
  },
  'error.notFound.station': (p) => `没有派出所${str(p.stationId)}。`,
  'error.notFound.plan': (p) => `派出所${str(p.stationId)}没有排班${str(p.planId)}。`,
  'error.notFound.redeployment': (p) => `派出所${str(p.stationId)}没有调用申请${str(p.requestId)}。`,
  'error.notFound.route': (p) => `没有接口${str(p.route)}。`,
  'error.badRequest': (p) => `提交的${whatZh(str(p.what))}有${num(p.count)}处问题。`,
  'error.badRequest.station': (p) => `派出所设置有${num(p.count)}处问题；未做任何改动。`,
  'error.badRequest.json': () => '请求内容不是有效的JSON。',
  'error.badRequest.cursor': () => '翻页游标无效。',
  'error.badRequest.file': (p) => `无法按${str(p.format)}读取文件：${str(p.reason)}`,
  'error.auth.role': (p) => `只有${list(p.allowed).map((g) => groupName('zh', g)).join('、')}可以执行此操作；你的身份是${list(p.groups).map((g) => groupName('zh', g)).join('、') || '（无）'}。`,
  'error.auth.station': (p) => `你只能操作本所（${str(p.own) || '无'}），不能操作${str(p.stationId)}。`,
  'error.auth.ownRoster': (p) => `只有${list(p.allowed).map((g) => groupName('zh', g)).join('、')}可以查看全所或他人的排班；你可以查看自己的：加上personId=${str(p.sub)}。`,
  'error.notFound.stationVersion': (p) => `派出所${str(p.stationId)}没有版本${num(p.claimed)}：它尚不存在（创建时不要带版本号）。`,
  'error.reinforcedByBranch': () => '一级加强勤务只能由分局宣布；请保持加强勤务时段不变。',
  'error.tooLarge': (p) => `请求内容有${num(p.bytes)}字节，上限为${num(p.limit)}字节。`,
  'error.unauthenticated': () => '请先登录：该请求没有有效的令牌。',
  'error.internal': () => '服务器出错，未做任何改动。',
  'error.conflict.version': (p) => `${str(p.what) === 'plan' ? '排班' : '派出所'}${str(p.id)}当前版本为${num(p.version)}，不是${num(p.claimed)}：有人已修改，请重新读取后再试。`,
  'error.notFound.leave': (p) => `派出所${str(p.stationId)}没有请假申请${str(p.leaveId)}。`,
  'error.notFound.swap': (p) => `派出所${str(p.stationId)}没有换班申请${str(p.swapId)}。`,
  'error.notFound.absence': (p) => `派出所${str(p.stationId)}没有缺勤记录${str(p.absenceId)}。`,
  'error.notFound.pin': (p) => `派出所${str(p.stationId)}没有固定岗位${str(p.pinId)}。`,
  'error.notFound.feed': (p) => `没有这个日历订阅${p.revoked ? '（可能已被更换或撤销）' : ''}。`,
  'error.notFound.ownFeed': () => '你还没有日历订阅。',
  'error.notFound.member': (p) => `${str(p.personId)}不是派出所${str(p.stationId)}的人员。`,
  'error.store.busy': () => '排班数据库繁忙，请稍后重试。',
  'error.store.changedFirst': () => '已有他人先行修改，请重新读取后再试。',
  'error.store.contended': (p) => `${p.kind === 'station' ? '派出所' : '申请'}${str(p.id)}正被多人同时修改，请重新读取后再试。`,
  'error.branch.readRole': (p) => `只有${list(p.allowed).map((g) => groupName('zh', g)).join('、')}可以查看分局的派出所；你的身份是${list(p.groups).map((g) => groupName('zh', g)).join('、') || '（无）'}。`,
  'error.branch.other': (p) => `你只能代表分局${str(p.own) || '（账号未写明分局）'}操作，不能代表${str(p.branchId)}。`,
  'error.branch.move': (p) => `该派出所属于分局${str(p.stored)}；只有系统管理员可以把派出所移到其他分局（请求的是${str(p.asked)}）。`,
  'ap.decideRole': (p) => `只有本所所长、教导员以及（需要时）分局可以审批抽调申请；你的身份是${list(p.groups).map((g) => groupName('zh', g)).join('、') || '（无）'}。`,
  'ap.otherStation': (p) => `只有派出所${str(p.stationId)}的所长和教导员可以审批该所的申请；你是${str(p.own) || '（无）'}的所领导（AP-4）。`,
  'ap.ownRequest': (p) => `${str(p.sub)}是申请${str(p.requestId)}的${p.requester ? '申请人' : '被抽调民警'}：任何人不得审批与本人有关的申请（AP-4）。`,
  'ap.notBranchKind': (p) => `申请${str(p.requestId)}属于“${kind(p.kind)}”，需由${list(p.required).map((g) => groupName('zh', g)).join('和')}审批，不由分局审批（AP-4：分局审批常态化勤务和调岗）。`,
  'ap.chiefsOnly': (p) => `只有派出所${str(p.stationId)}的所长和教导员可以审批该所的申请（AP-4）。`,
  'fb4.ended': (p) => `${str(p.from)}至${str(p.to)}的时段已结束（${str(p.stationId)}今天是${str(p.today)}）：加强勤务只能为今后的日子申报（FB-4）。`,
  'calendar.problems': (p) => `${str(p.year)}年的日历有${num(p.count)}处问题。`,
  'calendar.version': (p) => `${str(p.year)}年的日历当前为第${num(p.current)}版，不是第${num(p.claimed)}版：请重新读取后再试。`,
  'error.auth.noStation': () => '你的登录信息没有所属派出所：通知和日历订阅只属于派出所人员。',
  'error.auth.ownLeave': () => '你只能查看自己的请假申请。',
  'error.conflict.busy': (p) => `${str(p.id)}正被多人同时修改；请重新读取后再试。`,
  'leave.forOther': (p) => `只能为自己（${str(p.sub)}）请假；只有所领导可以为他人申请（LV-1）。`,
  'leave.past': (p) => `请假只能申请今后的日期：${withDay(str(p.from))}早于今天（${str(p.today)}）；过去的缺勤由所领导直接登记（LV-1）。`,
  'leave.notLeader': (p) => `只有派出所${str(p.stationId)}的所长、教导员或副所长可以审批请假（LV-1）。`,
  'leave.own': (p) => `${str(p.sub)}是请假本人：任何人都不能审批自己的请假（LV-1）。`,
  'leave.decided': (p) => `请假申请${str(p.leaveId)}${requestStatus(p.status)}${p.by ? `（审批人${str(p.by)}）` : ''}，只能审批一次。`,
  'leave.withdrawNotAsker': (p) => `只有申请人（${str(p.requestedBy)}）可以撤回请假申请${str(p.leaveId)}。`,
  'leave.withdrawClosed': (p) => `请假申请${str(p.leaveId)}${requestStatus(p.status)}：只能撤回待审批的申请。`,
  'swap.breaks': (p) => `换班将违反${str(p.rule)}：${violationText(p)}（SW-1）。`,
  'swap.twoPeople': () => '换班须在两个人之间进行，不能与自己换班（SW-1）。',
  'swap.past': (p) => `只能调换今后的班：${withDay(str(p.date))}早于今天（${str(p.today)}）（SW-1）。`,
  'swap.notPublished': (p) => `只能调换已发布的班：${str(p.side) === 'mine' ? '您' : str(p.personId)}在${withDay(str(p.date))}的班尚未发布（SW-1）。`,
  'swap.stale': (p) =>
    `换班${str(p.swapId)}提出后已发布的排班有变（${str(p.personId)}在${withDay(str(p.date))}现为${p.post ? `${post(p.post)}（${str(p.shift)}班）` : '未发布'}）：请重新提出。`,
  'swap.acceptNotYours': (p) => `只有被邀请换班的同事${str(p.personId)}可以确认换班${str(p.swapId)}（SW-1）。`,
  'swap.acceptClosed': (p) => `换班${str(p.swapId)}${requestStatus(p.status)}：只能确认待确认的换班。`,
  'swap.notLeader': (p) => `只有派出所${str(p.stationId)}的所长、教导员或副所长可以审批换班（SW-1）。`,
  'swap.own': (p) => `你是换班${str(p.swapId)}的当事人之一：任何人都不能审批自己的换班（SW-1）。`,
  'swap.waitsAccept': (p) => `换班${str(p.swapId)}须先由${str(p.personId)}确认（SW-1）。`,
  'swap.decided': (p) => `换班${str(p.swapId)}${requestStatus(p.status)}，只能审批一次。`,
  'swap.withdrawNotProposer': (p) => `只有提出换班的${str(p.personId)}可以撤回换班${str(p.swapId)}。`,
  'swap.withdrawClosed': (p) => `换班${str(p.swapId)}${requestStatus(p.status)}。`,
  'pin.past': (p) => `${withDay(str(p.date))}早于今天（本所时间${str(p.today)}）：只能为今后的日期设置固定岗位（PIN-1）`,
  'pin.stranger': (p) => `${str(p.personId)}不是本所人员`,
  'pin.notOffered': (p) =>
    `${str(p.personId)}在${withDay(str(p.date))}不能担任${str(p.shift)}班的${post(p.post)}：当天该班次不需要这个岗位，或者这不是其班次（PIN-1）`,
  'PIN-1': (p) => {
    const has = objects(p.has).map((a) => `${post(a.post)}（${str(a.shift)}班）`).join('、') || '没有安排';
    return `${str(p.personId)}在${withDay(str(p.date))}由${str(p.by)}固定为${post(p.post)}（${str(p.shift)}班，${str(p.pinId)}），但排班中是${has}：硬性规则已不允许该固定岗位，请删除或修改（PIN-1）`;
  },
  'notice.roster-changed': (p) => `您的排班已更新：${span(p)} 共 ${str(p.days)} 天有变化（发布 ${str(p.planId)}）。`,
  'notice.request-decided': (p) => `您的${REQUEST_KIND[str(p.request)] ?? ''}申请（${span(p)}）已被${str(p.decision) === 'approve' ? '批准' : '驳回'}（${str(p.by)}）。`,
  'notice.approval-waiting': (p) => `${str(p.personId)} 的${REQUEST_KIND[str(p.request)] ?? ''}申请（${span(p)}）等待您审批。`,
  'notice.swap-proposed': (p) => `${str(p.personId)} 想与您换班：其 ${str(p.from)} 的班与您 ${str(p.to)} 的班互换，请确认。`,
  // ---- 排班任务（docs/planning-jobs.md） ----
  'error.plan.notSolving': (p) => `排班${str(p.planId)}已不在计算中（当前为${statusZh(str(p.status))}），无可取消。`,
  'error.plan.cancelling': (p) => `排班${str(p.planId)}正在停止（${str(p.by)}于${str(p.at)}要求取消）；当前最佳方案将在数秒内成为草案。`,
  'error.plan.stillSolving': (p) => `排班${str(p.planId)}仍在计算中：请等它成为草案（或取消并保留当前最佳）后再发布。`,
  'error.plan.jobNotStarted': (p) => `无法启动排班${str(p.planId)}的计算任务，当前没有任何计算在进行。请稍后重试。`,
  'job.failure.stale': (p) => `排班计算任务已超过${num(p.seconds)}秒没有动静（最后一次在${str(p.at)}），视为失败。请重新生成排班。`,
  'job.failure.failed': () => '排班计算任务因服务器原因中断，未保留任何结果。请重新生成排班。',
  'job.failure.notStarted': () => '无法启动排班计算任务。请重新生成排班。',
  'staff.noHeader': () => '找不到表头：文件需要姓名、警号、职务、入警日期等列。',
  'staff.unknownColumn': (p) => `第${num(p.row)}行：“${str(p.header)}”不是人员表的列，已忽略。`,
  'staff.missingColumn': (p) => `文件缺少“${staffHeaderZh(str(p.column))}”列。`,
  'staff.required': (p) => `第${num(p.row)}行“${str(p.header)}”：必填，但为空。`,
  'staff.badRank': (p) => `第${num(p.row)}行“${str(p.header)}”：“${str(p.cell)}”不是职务（所长、教导员、副所长、民警、辅警）。`,
  'staff.badKind': (p) => `第${num(p.row)}行“${str(p.header)}”：“${str(p.cell)}”既不是民警也不是辅警。`,
  'staff.badDate': (p) => `第${num(p.row)}行“${str(p.header)}”：“${str(p.cell)}”不是日期（YYYY-MM-DD）。`,
  'staff.badRole': (p) => `第${num(p.row)}行“${str(p.header)}”：“${str(p.cell)}”既不是A角也不是B角。`,
  'staff.badYesNo': (p) => `第${num(p.row)}行“${str(p.header)}”：“${str(p.cell)}”应为“是”或“否”。`,
  'staff.duplicateId': (p) => `第${num(p.row)}行“${str(p.header)}”：“${str(p.cell)}”已在第${num(p.otherRow)}行使用。`,
  'staff.invalid': (p) => `第${num(p.row)}行${p.header ? `“${str(p.header)}”` : ''}${p.cell ? `“${str(p.cell)}”` : ''}：${detailText(str(p.detail), 'zh')}。`,
  'staff.stationIssue': (p) => `按此名单派出所设置将无效：${str(p.path)}：${detailText(str(p.detail), 'zh')}。`,
  'file.rosterTitle': (p) => `${str(p.station)}：${str(p.from)}至${str(p.to)}排班表`,
  'file.person': () => '人员',
  'file.staffSheet': () => '人员',
  'file.rosterSheet': () => '排班表',
  'file.legendSheet': () => '图例',
  'file.code': () => '代码',
  'file.post': () => '岗位',
  'file.calendarName': (p) => `${str(p.station)}：${str(p.person)}`,
  'file.eventTitle': (p) => `${str(p.post)}（${str(p.shift)}班）`,
  'file.eventDescription': (p) => `${str(p.post)}，${str(p.shift)}班，${num(p.hours)}小时`,
  'file.eventCommunity': (p) => `社区：${str(p.community)}`,
  'file.eventRedeployment': (p) => `调用${str(p.redeploymentId)}`,
  'file.eventReinforced': () => '一级加强勤务',
  'file.eventCallIn': () => '加班召回（班外）',
};

const WHAT: Record<string, string> = {
  path: '路径',
  query: '查询参数',
  plan: '排班请求',
  'plan request': '排班请求',
  request: '申请',
  decision: '审批',
  withdrawal: '撤回',
  period: '加强勤务时段',
  'staff import': '人员导入',
  'leave request': '请假申请',
  swap: '换班申请',
  absence: '缺勤记录',
  pin: '固定岗位',
  're-plan request': '重排请求',
  'read mark': '已读标记',
  'calendar feed request': '日历订阅请求',
};
function whatZh(what: string): string {
  return WHAT[what] ?? '请求';
}

/** 嵌在另一句话里的违规说明（`ruleKey`、`ruleParams`；没有键时用 `ruleMessage`）。 */
function violationText(p: Params): string {
  const template = (zh as Record<string, Template>)[str(p.ruleKey)];
  return template ? template((p.ruleParams ?? {}) as Params, 'zh') : str(p.ruleMessage);
}
