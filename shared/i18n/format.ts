// The little grammar both catalogues share: reading params, joining lists, numbers.
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Params = Record<string, Json>;
export type Template = (p: Params, lang: 'zh' | 'en') => string;

export const str = (v: Json | undefined): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
export const num = (v: Json | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
export const list = (v: Json | undefined): string[] => (Array.isArray(v) ? v.map(str) : v === undefined || v === null || v === '' ? [] : [str(v)]);
export const objects = (v: Json | undefined): Params[] =>
  Array.isArray(v) ? v.filter((x): x is Params => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** `a, b and c` / `a、b和c`. */
export function joinList(items: readonly string[], lang: 'zh' | 'en', and = true): string {
  if (items.length <= 1) return items.join('');
  if (lang === 'zh') return and ? `${items.slice(0, -1).join('、')}和${items[items.length - 1]}` : items.join('、');
  return and ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join(', ');
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
