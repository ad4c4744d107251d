// A leader's actions on one cell of the roster (docs/day-to-day.md): mark the person absent (reason, dates) → POST
// absences; pin a post on a day from today on → POST pins; remove the cell's pin or absence. A pin the API refuses
// (422 PIN-1, FB-1, SKILL-1, ...) is shown at its cell with the rule and its sentence. Offered only to a session the
// core's permissions allow (model.ts canManageAbsences / canManagePins); on a phone the sheet sits at the bottom.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ABSENCE_REASONS } from '../../../../shared/domain/day-to-day.ts';
import { laterDate } from '../../../../shared/rotation/index.ts';
import { ApiError, json, request } from '../../api.ts';
import { absences, cellKey, marksChanged, pins, refusal, target } from '../../daytoday-state.ts';
import { formatDay, t, tx } from '../../i18n.ts';
import { canManageAbsences, canManagePins, cellMarks, localDate, pinChoices } from '../../model.ts';
import { people, session, station, stationId } from '../../state.ts';
import { DateInput } from '../../ui/date-input.tsx';
import { ErrorBox, Notice } from '../../ui/errors.tsx';
import { RuleChip, ruleTitle } from './panels.tsx';

const enc = encodeURIComponent;
type Outcome = { kind: 'info'; text: string } | { kind: 'error'; error: unknown } | null;

export function CellActions() {
  const cell = target.value;
  if (!cell) return null;
  return <Sheet key={cellKey(cell)} personId={cell.personId} date={cell.date} />;
}

function Sheet({ personId, date }: { personId: string; date: string }) {
  const s = session.value;
  const id = stationId.value;
  const [absence, setAbsence] = useState({ from: date, to: date, reason: 'sick' as string });
  const person = people.value.find((p) => p.id === personId);
  const choices = pinChoices(station.value ?? { demand: [] }, person);
  const [post, setPost] = useState(choices[0] ?? 'rest');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const sheet = useRef<HTMLElement>(null);
  const close = () => {
    target.value = null;
    refusal.value = null;
    document.querySelector<HTMLElement>(`tr[data-person-id="${CSS.escape(personId)}"] > td[data-date="${CSS.escape(date)}"]`)?.focus();
  };
  // Keyboard users land in the sheet; Escape closes it and puts them back on the cell.
  useEffect(() => {
    sheet.current?.focus({ preventScroll: true });
    sheet.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  useEffect(() => {
    // On the document: a button that turns busy drops focus to the page, and Escape still closes the sheet.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  if (!s) return null;
  const mayAbsent = canManageAbsences(s, id);
  const mayPin = canManagePins(s, id);
  const mark = cellMarks(pins.value, absences.value, [date]).get(`${personId}|${date}`);
  const name = person?.name ?? personId;
  const future = date >= localDate(new Date());
  const refused = refusal.value && refusal.value.personId === personId && refusal.value.date === date ? refusal.value : null;

  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const text = await what();
      setOutcome({ kind: 'info', text });
      marksChanged.value += 1;
    } catch (e) {
      setOutcome({ kind: 'error', error: e });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      class="cell-actions"
      role="dialog"
      aria-modal="false"
      aria-labelledby="cell-actions-title"
      data-person-id={personId}
      data-date={date}
      tabIndex={-1}
      ref={sheet}
    >
      <div class="cell-actions-head">
        <h3 id="cell-actions-title">{t('cellActionsTitle', { name, date: formatDay(date, 'long') })}</h3>
        <button type="button" class="secondary" onClick={close}>
          {t('cellActionsClose')}
        </button>
      </div>
      {mark?.pin ? (
        <p class="cell-mark">
          {t('pinMark', { post: tx('post', mark.pin.post) })}{' '}
          {mayPin ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => void run(async () => {
              await request('DELETE', `/stations/${enc(id)}/pins/${enc(mark.pin!.id)}`);
              return t('pinRemoved');
            })}>
              {t('pinRemove')}
            </button>
          ) : null}
        </p>
      ) : null}
      {mark?.absence ? (
        <p class="cell-mark">
          {t('absenceMark', { reason: tx('reason', mark.absence.reason), from: formatDay(mark.absence.from), to: formatDay(mark.absence.to) })}{' '}
          {mayAbsent && mark.absence.id ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => void run(async () => {
              await request('DELETE', `/stations/${enc(id)}/absences/${enc(mark.absence!.id!)}`);
              return t('absenceRemoved');
            })}>
              {t('absenceRemove')}
            </button>
          ) : null}
        </p>
      ) : null}
      {mayAbsent ? (
        <form
          class="cell-form absence-form"
          aria-label={t('markAbsent')}
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const to = laterDate(absence.from, absence.to);
              await json('POST', `/stations/${enc(id)}/absences`, { personId, from: absence.from, to, reason: absence.reason });
              return t('absenceRecorded', { name, from: formatDay(absence.from), to: formatDay(to) });
            });
          }}
        >
          <strong>{t('markAbsent')}</strong>
          <label>
            {t('absenceReason')}{' '}
            <select value={absence.reason} onChange={(e) => setAbsence({ ...absence, reason: (e.target as HTMLSelectElement).value })}>
              {ABSENCE_REASONS.map((r) => (
                <option value={r}>{tx('reason', r)}</option>
              ))}
            </select>
          </label>
          <label for="absence-from">{t('absenceFrom')}</label>
          <DateInput id="absence-from" value={absence.from} required onChange={(d) => setAbsence({ ...absence, from: d })} />
          <label for="absence-to">{t('absenceTo')}</label>
          <DateInput id="absence-to" value={absence.to} required onChange={(d) => setAbsence({ ...absence, to: d })} />
          <button type="submit" class="primary" disabled={busy}>
            {t('absenceSave')}
          </button>
        </form>
      ) : null}
      {mayPin ? (
        future ? (
          <form
            class="cell-form pin-form"
            aria-label={t('pinTitle')}
            onSubmit={(e) => {
              e.preventDefault();
              refusal.value = null;
              void run(async () => {
                try {
                  await json('POST', `/stations/${enc(id)}/pins`, { personId, date, post });
                } catch (err) {
                  if (err instanceof ApiError && err.status === 422) refusal.value = { personId, date, rule: err.code, message: err.message };
                  throw err;
                }
                return t('pinDone', { name, post: tx('post', post), date: formatDay(date) });
              });
            }}
          >
            <strong>{t('pinTitle')}</strong>
            <label>
              {t('pinPost')}{' '}
              <select value={post} onChange={(e) => setPost((e.target as HTMLSelectElement).value)} data-testid="pin-post">
                {choices.map((p) => (
                  <option value={p}>{tx('post', p)}</option>
                ))}
              </select>
            </label>
            <button type="submit" class="primary" disabled={busy}>
              {t('pinSave')}
            </button>
          </form>
        ) : (
          <p class="muted">{t('pinPastDay')}</p>
        )
      ) : null}
      {refused ? (
        <div class="alert error pin-refusal" role="alert" data-rule={refused.rule}>
          <p>
            <RuleChip id={refused.rule} /> <strong>{t('pinRefused', { title: ruleTitle(refused.rule) })}</strong>
          </p>
          <p>{refused.message}</p>
        </div>
      ) : outcome ? (
        outcome.kind === 'info' ? <Notice kind="info" text={outcome.text} /> : <ErrorBox error={outcome.error} />
      ) : null}
    </section>
  );
}
