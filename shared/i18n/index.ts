// Sentences a person reads, in Chinese and English. The core says WHAT happened as a message key and its params
// (figures, ids, names); the shell (a handler, a file writer) renders it in the reader's language. So a plan stored
// once can be read in either language, and a client may ignore `message` and write its own text from `params`.
import { z } from 'zod';
import { en } from './en.ts';
import { zh } from './zh.ts';
import type { Params, Template } from './format.ts';

export type { Json, Params } from './format.ts';
export { joinList } from './format.ts';
export * from './terms.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageKey = keyof typeof en;
export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, Template>>>> = { en, zh };
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** A JSON value: what `params` may hold. */
export const JsonValue: z.ZodType<import('./format.ts').Json> = z.json();
/** The figures and ids of a sentence, keyed by name. */
export const MessageParams = z.record(z.string(), JsonValue);

/** The reader's language: `?lang=` when given, else `Accept-Language` (`zh`, any `zh-*` → Chinese), else English. */
export function langOf(acceptLanguage?: string | null, override?: string | null): Lang {
  if (override === 'zh' || override === 'en') return override;
  if (!acceptLanguage) return 'en';
  // The first tag the reader names wins; q-values are honoured only to skip `q=0`.
  const tags = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((t) => t.tag !== '' && t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

export const isMessageKey = (key: unknown): key is MessageKey => typeof key === 'string' && Object.hasOwn(en, key);

/** The sentence for a key in a language. An unknown key (a newer writer's) renders as the key itself. */
export function render(lang: Lang, key: string, params: Params = {}): string {
  if (!isMessageKey(key)) return key;
  return CATALOGUES[lang][key](params, lang);
}

/** A message as the core hands it out: key, params, and the English sentence (the stored default). */
export type Said = { key: MessageKey; params: Params; message: string };
export function say(key: MessageKey, params: Params = {}): Said {
  return { key, params, message: render('en', key, params) };
}

/** Re-renders `message` of anything that carries a key and params; things without a key keep their stored text. */
export function localize<T extends { message: string; key?: string | undefined; params?: Params | undefined }>(item: T, lang: Lang): T {
  if (item.key === undefined) return item;
  return { ...item, message: render(lang, item.key, item.params ?? {}) };
}

/** The fields of an audit entry that say what happened: the English summary, its key and params. */
export function summaryOf(said: Said): { summary: string; summaryKey: MessageKey; params: Params } {
  return { summary: said.message, summaryKey: said.key, params: said.params };
}
