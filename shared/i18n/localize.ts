// Rendering stored documents in the reader's language. Plans, requests and audit entries are stored with message
// keys and params beside their English text; a read renders the text again in the language of the request.
// Documents written before keys existed carry none and are returned as stored.
import type { AuditEntry } from '../domain/audit.ts';
import type { Plan, Shortfall, Suggestion, Violation } from '../domain/plan.ts';
import type { Redeployment } from '../domain/redeployment.ts';
import { localize, render, type Lang } from './index.ts';

export function localizeShortfalls(list: readonly Shortfall[], lang: Lang): Shortfall[] {
  return list.map((s) => localize(s, lang));
}
export function localizeViolations(list: readonly Violation[], lang: Lang): Violation[] {
  return list.map((v) => localize(v, lang));
}
export function localizeSuggestions(list: readonly Suggestion[], lang: Lang): Suggestion[] {
  return list.map((s) => (s.key === undefined ? s : { ...s, why: render(lang, s.key, s.params ?? {}) }));
}

export function localizePlan<P extends Pick<Plan, 'shortfalls' | 'violations' | 'suggestions'>>(plan: P, lang: Lang): P {
  return {
    ...plan,
    shortfalls: localizeShortfalls(plan.shortfalls, lang),
    violations: localizeViolations(plan.violations, lang),
    suggestions: localizeSuggestions(plan.suggestions, lang),
  };
}

export function localizeRedeployment<R extends Pick<Redeployment, 'cost'>>(request: R, lang: Lang): R {
  const said = request.cost.noteParams;
  if (!said || said.length !== request.cost.notes.length) return request;
  return { ...request, cost: { ...request.cost, notes: said.map((n) => render(lang, n.key, n.params)) } };
}

export function localizeAudit(entry: AuditEntry, lang: Lang): AuditEntry {
  if (entry.summaryKey === undefined) return entry;
  return { ...entry, summary: render(lang, entry.summaryKey, entry.params ?? {}) };
}
