// The official calendar (CAL-3): a year's holidays and make-up working days as the API holds them, where they come
// from (built-in data, loaded by an admin, or missing), and for the admin a form to load next year's notice as a
// pasted list. The list's grammar is parsed here (pure, tested); the API checks the year again and lists every problem.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { holidayLabel } from '../../../shared/calendar/index.ts';
import type { CalendarAnswer, CalendarYearBody } from '../../../shared/domain/calendar.ts';
import { json } from '../api.ts';
import { loadCalendar } from '../calendar.ts';
import { formatDay, lang, t } from '../i18n.ts';
import { dateRange, localDate } from '../model.ts';
import { session } from '../state.ts';
import { ErrorBox } from '../ui/errors.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WORK = new Set(['上班', '调休上班', 'work', 'make-up', 'makeup']);

export type ParsedNotice = { body: CalendarYearBody; errors: { line: number; text: string }[] };

/**
 * Reads a pasted notice: per line a date or a range (`A..B`, `A~B`, `A 至 B`) and a name; a name of 上班 / work marks
 * make-up working days. Blank lines and lines starting with # are skipped.
 */
export function parseNotice(text: string): ParsedNotice {
  const body: { holidays: { date: string; name: string }[]; makeUpWorkdays: string[] } = { holidays: [], makeUpWorkdays: [] };
  const errors: ParsedNotice['errors'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|~|～|至|–|—)\s*(\d{4}-\d{2}-\d{2}))?\s+(.+)$/.exec(line);
    if (!m || !DATE.test(m[1]!) || (m[2] !== undefined && !DATE.test(m[2]))) {
      errors.push({ line: i + 1, text: line });
      return;
    }
    const from = m[1]!;
    const to = m[2] ?? from;
    const name = m[3]!.trim();
    if (to < from || dateRange(from, 1)[0] !== from) {
      errors.push({ line: i + 1, text: line });
      return;
    }
    const days = dateRange(from, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1);
    if (WORK.has(name.toLowerCase())) body.makeUpWorkdays.push(...days);
    else body.holidays.push(...days.map((date) => ({ date, name })));
  });
  return { body, errors };
}

const year = signal<number>(Number(localDate(new Date()).slice(0, 4)) + 1);
const answer = signal<CalendarAnswer | null>(null);
const failure = signal<unknown>(null);
const notice = signal('');
const lineErrors = signal<ParsedNotice['errors']>([]);
const busy = signal(false);
const done = signal<string | null>(null);

async function load(): Promise<void> {
  failure.value = null;
  answer.value = null;
  const y = year.value;
  try {
    answer.value = await json<CalendarAnswer>('GET', `/calendar?from=${y}-01-01&to=${y}-12-31`);
  } catch (e) {
    failure.value = e;
  }
}

async function submit(): Promise<void> {
  const parsed = parseNotice(notice.value);
  lineErrors.value = parsed.errors;
  done.value = null;
  if (parsed.errors.length > 0) return;
  busy.value = true;
  failure.value = null;
  try {
    const saved = await json<{ version: number }>('PUT', `/calendar/${year.value}`, parsed.body);
    done.value = t('calendarLoaded', { year: year.value, version: saved.version });
    await Promise.all([load(), loadCalendar(`${year.value}-01-01`, `${year.value}-12-31`)]);
  } catch (e) {
    failure.value = e;
  } finally {
    busy.value = false;
  }
}

function YearStatus({ a }: { a: CalendarAnswer }) {
  const source = a.years[0];
  if (!source) return null;
  const text =
    source.source === 'admin'
      ? t('calendarSourceAdmin', { year: source.year, by: source.updatedBy ?? '?', at: source.updatedAt ? formatDay(source.updatedAt.slice(0, 10), 'date') : '?' })
      : source.source === 'package'
        ? t('calendarSourcePackage', { year: source.year })
        : t('calendarSourceMissing', { year: source.year });
  return (
    <p class={`calendar-status source-${source.source}`} data-source={source.source} role="status">
      {text}
    </p>
  );
}

function YearDays({ a }: { a: CalendarAnswer }) {
  const holidays = new Map<string, string[]>();
  for (const d of a.items) if (d.holiday) holidays.set(d.holiday, [...(holidays.get(d.holiday) ?? []), d.date]);
  const makeUp = a.items.filter((d) => d.makeUpWorkday).map((d) => d.date);
  return (
    <div class="calendar-days">
      <h4>{t('calendarHolidays')}</h4>
      {holidays.size === 0 ? (
        <p>{t('calendarNone')}</p>
      ) : (
        <ul class="calendar-holidays">
          {[...holidays].map(([name, dates]) => (
            <li data-holiday={name}>
              <strong>{holidayLabel(name, lang())}</strong>{' '}
              {dates.length === 1 ? formatDay(dates[0]!, 'date') : `${formatDay(dates[0]!, 'date')} – ${formatDay(dates[dates.length - 1]!, 'date')}`}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('calendarMakeUp')}</h4>
      <p class="calendar-makeup">{makeUp.length === 0 ? t('calendarNone') : makeUp.map((d) => formatDay(d, 'long')).join(lang() === 'zh' ? '、' : ', ')}</p>
    </div>
  );
}

export function CalendarScreen() {
  useEffect(() => {
    void load();
  }, [year.value]);
  const isAdmin = session.value?.groups.includes('admin') === true;
  const a = answer.value;
  return (
    <section class="card calendar-screen" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('calendarTitle')}</h2>
      <p class="muted">{t('calendarIntro')}</p>
      <label>
        {t('calendarYear')}{' '}
        <input type="number" min={2004} max={2100} value={year.value} onChange={(e) => (year.value = Number((e.target as HTMLInputElement).value) || year.value)} />
      </label>
      {failure.value ? <ErrorBox error={failure.value} /> : null}
      {a ? (
        <>
          <YearStatus a={a} />
          <YearDays a={a} />
        </>
      ) : null}
      <h3>{t('calendarLoadTitle')}</h3>
      {isAdmin ? (
        <form
          class="calendar-load"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p class="muted">{t('calendarLoadHelp')}</p>
          <label>
            {t('calendarNotice')}
            <textarea rows={10} value={notice.value} onInput={(e) => (notice.value = (e.target as HTMLTextAreaElement).value)} placeholder={`${year.value}-01-01 元旦\n${year.value}-02-06..${year.value}-02-13 春节\n${year.value}-02-14 上班`} />
          </label>
          {lineErrors.value.length > 0 ? (
            <ul class="errors" role="alert">
              {lineErrors.value.map((x) => (
                <li>{t('calendarLineError', { line: x.line, text: x.text })}</li>
              ))}
            </ul>
          ) : null}
          <button type="submit" disabled={busy.value}>
            {busy.value ? t('calendarLoading') : t('calendarLoad')}
          </button>
          {done.value ? <p role="status">{done.value}</p> : null}
        </form>
      ) : (
        <p class="muted">{t('calendarAdminOnly')}</p>
      )}
    </section>
  );
}

