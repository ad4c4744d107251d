// The core's validation speaks English (shared/domain/station.ts, primitives.ts, and zod's own words). The set-up
// screens show each problem beside its field in the page's language: zod's built-in messages through zod's own
// Chinese locale (set when the language changes), and the station schema's sentences through the table below.
// A sentence the table does not know is shown as the core wrote it.
import { effect } from '@preact/signals';
import { config } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { lang } from '../../i18n.ts';

effect(() => {
  config(lang() === 'zh' ? zhCN() : en());
});

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const ZH: Rule[] = [
  [/^"to" is before "from"$/, () => '“止”早于“起”'],
  [/^a community cannot neighbour itself$/, () => '社区不能与自身相邻'],
  [/^a cycle needs at least one shift code$/, () => '轮转周期至少需要一个班次代码'],
  [/^at most 64 characters$/, () => '最多 64 个字符'],
  [/^expected a date as YYYY-MM-DD$/, () => '日期格式应为 年-月-日（YYYY-MM-DD）'],
  [/^expected a time as HH:MM \(00:00–23:59\)$/, () => '时间格式应为 时:分（00:00–23:59）'],
  [/^expected an IANA time zone such as Asia\/Shanghai$/, () => '应为 IANA 时区名称，如 Asia/Shanghai'],
  [/^hours must be between 0 and 24$/, () => '时长须在 0 到 24 小时之间'],
  [/^letters, digits, "_", "\." and "-" only$/, () => '只能使用字母、数字、“_”、“.”和“-”'],
  [/^lower-case letters, digits and "-", at most 64 characters$/, () => '只能使用小写字母、数字和“-”，最多 64 个字符'],
  [/^must be between 0 and 1$/, () => '须在 0 到 1 之间'],
  [/^must not be empty$/, () => '不能为空'],
  [/^not a real calendar date$/, () => '不是有效的日期'],
  [/^only officers are dedicated community officers$/, () => '只有民警可以是专职社区民警'],
  [/^people must be a whole number$/, () => '人数须为整数'],
  [/^people must be at least 1$/, () => '人数至少为 1'],
  [/^rank "auxiliary" goes with kind "auxiliary" and only with it$/, () => '职务“辅警”只能与类别“辅警”搭配'],
  [/^skills are lower-case words such as "driver"$/, () => '技能须为小写英文词，如 driver'],
  [/^1–8 letters or digits$/, () => '1–8 个字母或数字'],
  [/^duplicate (\w+) "(.*)" \(also at (.*)\)$/, (m) => `${FIELD_ZH[m[1]!] ?? m[1]}“${m[2]}”重复（与 ${m[3]} 相同）`],
  [/^unknown shift code "(.*)"$/, (m) => `未知的班次代码“${m[1]}”`],
  [/^unknown duty group "(.*)"$/, (m) => `未知的值班组“${m[1]}”`],
  [/^unknown community "(.*)"$/, (m) => `未知的社区“${m[1]}”`],
  [/^unknown person "(.*)"$/, (m) => `未知的人员“${m[1]}”`],
  [/^shift "(.*)" has (.*) hours but no start time$/, (m) => `班次“${m[1]}”有 ${m[2]} 小时但没有开始时间`],
  [/^pattern "(.*)" uses shift code "(.*)", which shiftTypes does not define$/, (m) => `轮班模式“${m[1]}”用到班次代码“${m[2]}”，但班次中没有定义`],
  [/^shift "(.*)" has no hours; nobody can cover demand in it$/, (m) => `班次“${m[1]}”没有工作时长，无人能满足其岗位需求`],
  [/^demand for (.*) in shift (.*) is given twice \(also at (.*)\)$/, (m) => `班次 ${m[2]} 的岗位 ${m[1]} 需求重复（与 ${m[3]} 相同）`],
];

const FIELD_ZH: Record<string, string> = { id: '编号', code: '代码' };

/** A problem of the core's validation in the page's language. */
export function issueText(message: string): string {
  if (lang() !== 'zh') return message;
  for (const [re, zh] of ZH) {
    const m = re.exec(message);
    if (m) return zh(m);
  }
  return message;
}
