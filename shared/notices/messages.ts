// The sentence of a notice, written when it is read, in the reader's language (`?lang=`, else Accept-Language, as
// every other answer: shared/i18n) from the parameters stored with it. The sentences are the catalogue's
// `notice.<kind>` keys (shared/i18n/en.ts, zh.ts), so a notice never exists in one language only.
import type { Notice, StoredNotice } from '../domain/day-to-day.ts';
import { render, type Lang } from '../i18n/index.ts';

export type { Lang };

export function renderNotice(notice: StoredNotice, lang: Lang, upTo: string | null): Notice {
  return { ...notice, message: render(lang, `notice.${notice.kind}`, notice.params), read: upTo !== null && notice.id <= upTo };
}
