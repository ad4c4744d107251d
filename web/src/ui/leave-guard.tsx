// Warns before unsaved set-up changes are lost: the browser's own prompt when the tab closes or reloads
// (beforeunload), and a dialog of the page when the user moves to another screen or signs out.
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n.ts';

type Guard = { dirty: () => boolean; discard: () => void };
let guard: Guard | null = null;
const pending = signal<(() => void) | null>(null);

/** The set-up draft registers itself: whether it has unsaved changes and how to drop them. */
export function setLeaveGuard(g: Guard): void {
  guard = g;
}

export const hasUnsavedChanges = (): boolean => guard?.dirty() ?? false;

/** Runs `leave` now, or after the user confirms leaving unsaved changes behind. */
export function guarded(leave: () => void): void {
  if (hasUnsavedChanges()) pending.value = leave;
  else leave();
}

if (typeof window !== 'undefined')
  window.addEventListener('beforeunload', (e) => {
    if (!hasUnsavedChanges()) return;
    e.preventDefault();
    e.returnValue = '';
  });

export function LeaveDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const leave = pending.value;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (leave && !d.open) d.showModal();
    if (!leave && d.open) d.close();
  }, [leave]);
  return (
    <dialog ref={ref} class="leave-dialog" aria-labelledby="leave-title" onCancel={() => (pending.value = null)}>
      <h2 id="leave-title">{t('unsavedTitle')}</h2>
      <p>{t('unsavedText')}</p>
      <div class="actions-row">
        <button type="button" class="primary" onClick={() => (pending.value = null)}>
          {t('unsavedStay')}
        </button>
        <button
          type="button"
          class="reject"
          onClick={() => {
            pending.value = null;
            guard?.discard();
            leave?.();
          }}
        >
          {t('unsavedLeave')}
        </button>
      </div>
    </dialog>
  );
}
