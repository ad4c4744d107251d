// What every set-up screen shares: the bar with save / discard and the outcome of the last save (a conflict offers to
// reload keeping the edits), the list of every problem, and fields that show their own problems beside them.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../../i18n.ts';
import { canConfigure } from '../../model.ts';
import { session, station, stationId } from '../../state.ts';
import { ErrorBox } from '../../ui/errors.tsx';
import { dirty, discard, draft, issues, issuesByPath, openDraft, reloadKeepingEdits, save, saveState, type Draft } from './draft.ts';
import { issueText } from './issue-text.ts';

/** Whether the signed-in person may change the station (director, instructor; others read). */
export const editable = (): boolean => {
  const s = session.value;
  return s !== null && canConfigure(s, stationId.value);
};

/** A field's problems, by its path in the station document (`people[3].group`). */
export function FieldIssues({ path, id }: { path: string; id?: string }) {
  const list = issuesByPath.value.get(path);
  if (!list?.length) return null;
  return (
    <span class="field-error" id={id} role="alert" data-path={path}>
      {list.map(issueText).join(lang() === 'zh' ? '；' : '; ')}
    </span>
  );
}

/** Problems at this path or below it (a row of a table). */
export const hasIssuesUnder = (prefix: string): boolean => issues.value.some((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`));

export const errId = (path: string) => `err-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
export const invalid = (path: string): boolean => (issuesByPath.value.get(path)?.length ?? 0) > 0;

/** A labelled field whose problems show beneath it. */
export function Field({ label, path, htmlFor, children, wide }: { label: string; path: string; htmlFor: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <div class={`field${invalid(path) ? ' has-error' : ''}${wide ? ' wide' : ''}`} data-path={path}>
      <label for={htmlFor}>{label}</label>
      {children}
      <FieldIssues path={path} id={errId(path)} />
    </div>
  );
}

/** Attributes that tie an input to its problems. */
export const aria = (path: string) => (invalid(path) ? { 'aria-invalid': 'true' as const, 'aria-describedby': errId(path) } : {});

/** The frame of a set-up screen: heading, intro, save bar, problems, then the screen's content. */
export function SetupScreen({ title, intro, children }: { title: string; intro: string; children: (d: Draft, readOnly: boolean) => ComponentChildren }) {
  const st = station.value;
  useEffect(() => openDraft(st), [st]);
  const d = draft.value;
  if (!d) return <p class="muted">{t('loading')}</p>;
  const readOnly = !editable();
  return (
    <>
      <section class="card setup-head" aria-labelledby="setup-title">
        <div class="setup-title-row">
          <h2 id="setup-title">{title}</h2>
          <SaveBar readOnly={readOnly} />
        </div>
        <p class="intro">{intro}</p>
        {readOnly ? <p class="alert info" role="status">{t('setupReadOnly')}</p> : null}
        <SaveOutcome />
      </section>
      <div class="setup-body">{children(d, readOnly)}</div>
    </>
  );
}

function SaveBar({ readOnly }: { readOnly: boolean }) {
  if (readOnly) return null;
  const state = saveState.value;
  return (
    <div class="save-bar">
      {dirty.value ? <span class="unsaved-badge">{t('unsavedBadge')}</span> : <span class="muted">{t('noChanges')}</span>}
      <button type="button" class="ghost-dark" disabled={!dirty.value || state?.kind === 'saving'} onClick={discard}>
        {t('discardChanges')}
      </button>
      <button type="button" class="primary" disabled={!dirty.value || state?.kind === 'saving'} onClick={() => void save()}>
        {state?.kind === 'saving' ? t('saving') : t('saveStation')}
      </button>
    </div>
  );
}

function SaveOutcome() {
  const state = saveState.value;
  const list = issues.value;
  return (
    <>
      {state?.kind === 'saved' ? (
        <p class="alert info" role="status">
          {t('savedVersion', { version: state.version })}
        </p>
      ) : null}
      {state?.kind === 'conflict' ? (
        <div class="alert warn conflict" role="alert">
          <p>
            <strong>{t('conflictTitle')}</strong> {t('conflictText')}
          </p>
          <button type="button" class="primary" onClick={() => void reloadKeepingEdits()}>
            {t('reloadKeepEdits')}
          </button>
        </div>
      ) : null}
      {state?.kind === 'error' ? <ErrorBox error={state.error} /> : null}
      {list.length && (state?.kind === 'invalid' || dirty.value) ? (
        <div class="alert error problems" role={state?.kind === 'invalid' ? 'alert' : undefined}>
          <p>
            <strong>{t('problemsTitle', { n: list.length })}</strong> {t('problemsText')}
          </p>
          <ul>
            {list.map((i) => (
              <li data-path={i.path}>
                <code>{i.path}</code>: {issueText(i.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** Splits "driver, case-handling" or "driver case-handling" into a list. */
export const splitList = (text: string): string[] =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A number from an input: empty → undefined, else the number typed (NaN shows as a type error from the schema). */
export const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** A text input bound to a value of the draft. */
export function TextInput(props: { id: string; path: string; value: string | undefined; onValue: (v: string) => void; readOnly: boolean; placeholder?: string; size?: number }) {
  return (
    <input
      id={props.id}
      type="text"
      value={props.value ?? ''}
      disabled={props.readOnly}
      placeholder={props.placeholder}
      size={props.size}
      {...aria(props.path)}
      onInput={(e) => props.onValue((e.target as HTMLInputElement).value)}
    />
  );
}

/**
 * A number input that keeps what is typed: a number goes into the draft as a number, anything else as the text typed
 * (so the schema names it as not a number), empty as undefined.
 */
export function NumberInput(props: { id: string; path: string; value: unknown; onValue: (v: number | string | undefined) => void; readOnly: boolean; step?: string; min?: number; max?: number; placeholder?: string }) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  useEffect(() => {
    const shown = text.trim() === '' ? undefined : Number(text);
    if (shown !== props.value && String(props.value ?? '') !== text) setText(props.value === undefined ? '' : String(props.value));
  }, [props.value]);
  return (
    <input
      id={props.id}
      type="text"
      inputMode="decimal"
      class="num"
      value={text}
      disabled={props.readOnly}
      placeholder={props.placeholder}
      {...aria(props.path)}
      onInput={(e) => {
        const v = (e.target as HTMLInputElement).value;
        setText(v);
        const n = numberOf(v);
        props.onValue(n === undefined ? undefined : Number.isFinite(n) ? n : v);
      }}
    />
  );
}

/** A list typed as words ("driver, dispatcher"): kept as typed, stored as the list. */
export function ListInput(props: { id: string; path: string; value: readonly (string | number)[] | undefined; onValue: (v: string[]) => void; readOnly: boolean; placeholder?: string }) {
  const joined = (props.value ?? []).join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    if (splitList(text).join(', ') !== joined) setText(joined);
  }, [joined]);
  return (
    <input
      id={props.id}
      type="text"
      value={text}
      disabled={props.readOnly}
      placeholder={props.placeholder}
      {...aria(props.path)}
      onInput={(e) => {
        const v = (e.target as HTMLInputElement).value;
        setText(v);
        props.onValue(splitList(v));
      }}
    />
  );
}

/** `YYYY-MM-DD` of today in the browser (a default for new people and posts). */
export const today = (): string => new Date().toISOString().slice(0, 10);
