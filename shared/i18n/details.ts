// The `details` of a 400 in the reader's language. Details are written by zod and by the reference checks in English;
// for Chinese readers the common sentences are translated here, pattern by pattern, and the rest keeps its English
// (each detail names its field by `path`, which stays as it is).
import type { ErrorDetail } from '../domain/errors.ts';
import { render, type Lang } from './index.ts';

/** English sentence (as a whole-line pattern) → Chinese; `$1`… are the captured ids and figures. */
const ZH: readonly (readonly [RegExp, string])[] = [
  [/^expected a date as YYYY-MM-DD$/, '日期格式应为YYYY-MM-DD'],
  [/^not a real calendar date$/, '不是真实的日期'],
  [/^expected a time as HH:MM \(00:00–23:59\)$/, '时间格式应为HH:MM（00:00–23:59）'],
  [/^expected an IANA time zone such as Asia\/Shanghai$/, '应为IANA时区，例如Asia/Shanghai'],
  [/^must not be empty$/, '不能为空'],
  [/^at most (\d+) characters$/, '最多$1个字符'],
  [/^must be between 0 and 1$/, '必须在0到1之间'],
  [/^hours must be between 0 and 24$/, '小时数必须在0到24之间'],
  [/^unknown shift code "(.*)"$/, '未知班次代码“$1”'],
  [/^unknown duty group "(.*)"$/, '未知班组“$1”'],
  [/^unknown community "(.*)"$/, '未知社区“$1”'],
  [/^unknown person "(.*)"$/, '未知人员“$1”'],
  [/^duplicate (\w+) "(.*)" \(also at (.*)\)$/, '重复的$1“$2”（另见$3）'],
  [/^"to" is before "from"$/, '结束日期早于开始日期'],
  [/^shift "(.*)" has (.*) hours but no start time$/, '班次“$1”有$2小时但没有开始时间'],
  [/^only officers are dedicated community officers$/, '只有民警才能是专职社区民警'],
  [/^rank "auxiliary" goes with kind "auxiliary" and only with it$/, '职务“辅警”只能用于类别“辅警”'],
  [/^Invalid input: expected (\w+), received (\w+)$/, '输入无效：应为$1，实际为$2'],
  [/^Unrecognized keys?: (.*)$/, '不认识的字段：$1'],
  [/^Invalid option: expected one of (.*)$/, '无效选项：应为以下之一：$1'],
  [/^Too small: expected (.*)$/, '太小：应为$1'],
  [/^Too big: expected (.*)$/, '太大：应为$1'],
  [/^expected a JSON object$/, '应为JSON对象'],
  [/^expected a station version such as "3"$/, '应为派出所版本号，例如"3"'],
  [/^unknown person "(.*)" at station (.*)$/, '派出所$2没有人员“$1”'],
  [/^before today$/, '早于今天'],
  [/^not published$/, '尚未发布'],
  [/^yourself$/, '不能与自己换班'],
  [/^at most (\d+) days$/, '最多$1天'],
  [/^an absence is recorded as an absence, a flexible night is placed by the planner$/, '缺勤应登记为缺勤，夜间弹性工作由排班程序安排'],
  [/^at most (\d+) days from "date"$/, '与“date”最多相隔$1天'],
];

export function localizeDetails(details: readonly ErrorDetail[], lang: Lang): ErrorDetail[] {
  return details.map(({ key, params, ...d }) => {
    if (key !== undefined) return { ...d, message: render(lang, key, params ?? {}) };
    if (lang === 'en') return d;
    for (const [pattern, zh] of ZH) if (pattern.test(d.message)) return { ...d, message: d.message.replace(pattern, zh) };
    return d;
  });
}

/** One sentence of a detail in the reader's language. */
export function detailText(message: string, lang: Lang): string {
  return localizeDetails([{ path: '', message }], lang)[0]!.message;
}
