// A date field that follows the page's language, not the browser's: the value is typed as YYYY-MM-DD (what the API
// takes) and the day it names is written beside it in the page's language (a native <input type="date"> would show the
// browser's format and month names). Arrow up/down step a day.
import { useEffect, useState } from 'preact/hooks';
import { formatDay, t } from '../i18n.ts';
import { addDays } from '../model.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const real = (v: string) => ISO.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

type Props = {
  id: string;
  name?: string;
  value: string;
  /** Called with a real calendar date only. */
  onChange?: (value: string) => void;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
};

export function DateInput({ id, name, value, onChange, required, invalid, describedBy }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const ok = real(text);
  const set = (v: string) => {
    setText(v);
    if (real(v)) onChange?.(v);
  };
  return (
    <span class="date-input">
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellcheck={false}
        pattern="\d{4}-\d{2}-\d{2}"
        placeholder={t('datePlaceholder')}
        title={t('dateHint')}
        value={text}
        required={required}
        aria-invalid={invalid || (text !== '' && !ok) ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => set((e.target as HTMLInputElement).value.trim())}
        onKeyDown={(e) => {
          if (!ok || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          set(addDays(text, e.key === 'ArrowUp' ? 1 : -1));
        }}
      />
      <span class="date-shown" aria-hidden="true">
        {ok ? formatDay(text, 'long') : text ? t('dateInvalid') : ''}
      </span>
    </span>
  );
}
