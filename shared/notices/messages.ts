// The sentence of a notice, written when it is read, in the reader's language (Accept-Language: zh* → Chinese, else
// English) from the parameters stored with it. One table, both languages, so a notice never exists in one only.
import type { Notice, StoredNotice } from '../domain/day-to-day.ts';

export type Lang = 'zh' | 'en';

/** `zh`, `zh-CN`, `zh-Hant;q=0.9, en` … → zh; anything else → en. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh' : 'en';
}

type P = StoredNotice['params'];
const s = (p: P, k: string): string => {
  const v = p[k];
  return Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v);
};
const KIND_ZH: Record<string, string> = { leave: '请假', swap: '换班', redeployment: '调用' };
const KIND_EN: Record<string, string> = { leave: 'leave request', swap: 'swap', redeployment: 'redeployment request' };
const range = (p: P, lang: Lang) => (s(p, 'from') === s(p, 'to') ? s(p, 'from') : lang === 'zh' ? `${s(p, 'from')} 至 ${s(p, 'to')}` : `${s(p, 'from')} to ${s(p, 'to')}`);

const SENTENCES: Record<StoredNotice['kind'], Record<Lang, (p: P) => string>> = {
  'roster-changed': {
    zh: (p) => `您的排班已更新：${range(p, 'zh')} 共 ${s(p, 'days')} 天有变化（发布 ${s(p, 'planId')}）。`,
    en: (p) => `Your roster changed: ${s(p, 'days')} day(s) between ${range(p, 'en')} (publication ${s(p, 'planId')}).`,
  },
  'request-decided': {
    zh: (p) => `您的${KIND_ZH[s(p, 'request')] ?? ''}申请（${range(p, 'zh')}）已被${s(p, 'decision') === 'approve' ? '批准' : '驳回'}（${s(p, 'by')}）。`,
    en: (p) => `Your ${KIND_EN[s(p, 'request')] ?? 'request'} (${range(p, 'en')}) was ${s(p, 'decision') === 'approve' ? 'approved' : 'rejected'} by ${s(p, 'by')}.`,
  },
  'approval-waiting': {
    zh: (p) => `${s(p, 'personId')} 的${KIND_ZH[s(p, 'request')] ?? ''}申请（${range(p, 'zh')}）等待您审批。`,
    en: (p) => `A ${KIND_EN[s(p, 'request')] ?? 'request'} of ${s(p, 'personId')} (${range(p, 'en')}) waits for your decision.`,
  },
  'swap-proposed': {
    zh: (p) => `${s(p, 'personId')} 想与您换班：其 ${s(p, 'from')} 的班与您 ${s(p, 'to')} 的班互换，请确认。`,
    en: (p) => `${s(p, 'personId')} proposes a swap: their duty on ${s(p, 'from')} for yours on ${s(p, 'to')}. Please accept or ignore.`,
  },
};

export function renderNotice(notice: StoredNotice, lang: Lang, upTo: string | null): Notice {
  return { ...notice, message: SENTENCES[notice.kind][lang](notice.params), read: upTo !== null && notice.id <= upTo };
}
