// Set-up: staff import and export. The file (.xlsx or .csv, Chinese or English headers) goes to
// POST /stations/{id}/staff/import, which only previews: every bad row and cell by name, what would change, and the
// station document to save. Saving is the same PUT /stations/{id} with If-Match as every set-up change.
import { signal } from '@preact/signals';
import type { Person } from '../../../../shared/domain/station.ts';
import { ApiError, download, json, request } from '../../api.ts';
import { lang, t } from '../../i18n.ts';
import type { Station } from '../../model.ts';
import { station, stationId } from '../../state.ts';
import { ErrorBox } from '../../ui/errors.tsx';
import { changeText, changesOf } from '../audit.tsx';
import { editable } from './common.tsx';
import { dirty, openDraft } from './draft.ts';

export type StaffProblem = { row: number | null; column: string | null; header: string | null; cell: string | null; message: string };
export type ImportPreview = {
  filename?: string;
  rows: number;
  ok: boolean;
  problems: StaffProblem[];
  changes: unknown[];
  people: Person[];
  station: Record<string, unknown> | null;
  version: number;
};

type State = { kind: 'idle' } | { kind: 'reading' } | { kind: 'preview'; preview: ImportPreview } | { kind: 'saving'; preview: ImportPreview } | { kind: 'saved'; version: number; people: number } | { kind: 'error'; error: unknown; preview?: ImportPreview };
const state = signal<State>({ kind: 'idle' });

const enc = encodeURIComponent;

/** The file's bytes as base64 (the import route takes JSON). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function preview(file: File): Promise<void> {
  state.value = { kind: 'reading' };
  const format = /\.csv$/i.test(file.name) ? 'csv' : 'xlsx';
  try {
    const answer = await json<ImportPreview>('POST', `/stations/${enc(stationId.value)}/staff/import`, { format, content: await base64Of(file), filename: file.name });
    state.value = { kind: 'preview', preview: answer };
  } catch (e) {
    state.value = { kind: 'error', error: e };
  }
}

async function save(p: ImportPreview): Promise<void> {
  if (!p.station) return;
  state.value = { kind: 'saving', preview: p };
  try {
    const res = await request('PUT', `/stations/${enc(stationId.value)}`, p.station, { headers: { 'if-match': `"${p.version}"` } });
    const saved = (await res.json()) as Station;
    station.value = saved;
    openDraft(saved);
    state.value = { kind: 'saved', version: saved.version ?? 0, people: saved.people.length };
  } catch (e) {
    state.value = { kind: 'error', error: e, preview: p };
  }
}

function Problems({ p }: { p: ImportPreview }) {
  return (
    <div class="import-problems">
      <p class="alert error" role="alert">
        {t('importProblems', { n: p.problems.length, rows: p.rows })}
      </p>
      <table class="setup-table" aria-label={t('importProblemsTable')}>
        <thead>
          <tr>
            <th scope="col">{t('importRow')}</th>
            <th scope="col">{t('importColumn')}</th>
            <th scope="col">{t('importCell')}</th>
            <th scope="col">{t('importProblem')}</th>
          </tr>
        </thead>
        <tbody>
          {p.problems.map((x) => (
            <tr data-row={x.row ?? ''}>
              <td>{x.row ?? '—'}</td>
              <td>{x.header ?? '—'}</td>
              <td>
                <code>{x.cell ?? ''}</code>
              </td>
              <td>{x.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Preview({ p, busy }: { p: ImportPreview; busy: boolean }) {
  const changes = changesOf({ detail: { changes: p.changes } });
  return (
    <section class="card" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t('importPreview', { file: p.filename ?? '', rows: p.rows })}</h3>
      {p.problems.length ? <Problems p={p} /> : <p class="ok">{t('importOk', { people: p.people.length })}</p>}
      {changes.length ? (
        <>
          <h3>{t('changes')}</h3>
          <ul class="changes">
            {changes.map((c) => (
              <li>{changeText(c)}</li>
            ))}
          </ul>
        </>
      ) : p.ok ? (
        <p class="muted">{t('importNoChange')}</p>
      ) : null}
      {p.ok ? (
        <button type="button" class="primary" disabled={busy || changes.length === 0} onClick={() => void save(p)}>
          {busy ? t('saving') : t('importSave', { people: p.people.length })}
        </button>
      ) : null}
    </section>
  );
}

export function StaffImport() {
  const s = state.value;
  const canChange = editable();
  const exportLink = (format: 'xlsx' | 'csv') => (
    <button
      type="button"
      class="secondary"
      onClick={() => {
        download(`/stations/${enc(stationId.value)}/staff?format=${format}&lang=${lang()}`, `staff-${stationId.value}.${format}`).catch((error: unknown) => (state.value = { kind: 'error', error }));
      }}
    >
      {t(format === 'xlsx' ? 'exportXlsx' : 'exportCsv')}
    </button>
  );
  return (
    <section class="card" aria-labelledby="import-title">
      <div class="setup-title-row">
        <h3 id="import-title">{t('importTitle')}</h3>
        <div class="actions-row">
          {exportLink('xlsx')}
          {exportLink('csv')}
        </div>
      </div>
      {canChange && dirty.value ? <p class="alert warn">{t('importAfterSave')}</p> : null}
      {canChange && !dirty.value ? (
        <>
          <p class="hint">{t('importHint', { headers: ['姓名', '警号', '职务', '班组', '技能', '社区', 'AB角', '专职', '任职日期', '入警日期'].join(lang() === 'zh' ? '、' : ', ') })}</p>
          <label class="button secondary file-pick" for="staff-file">
            {t('importChoose')}
          </label>
          <input
            id="staff-file"
            class="sr-only"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) void preview(file);
              (e.target as HTMLInputElement).value = '';
            }}
          />
        </>
      ) : null}
      {s.kind === 'reading' ? <p class="muted">{t('loading')}</p> : null}
      {s.kind === 'error' ? (
        <>
          <ErrorBox error={s.error} />
          {s.error instanceof ApiError && s.error.status === 409 ? <p class="alert warn">{t('importConflict')}</p> : null}
        </>
      ) : null}
      {s.kind === 'saved' ? (
        <p class="alert info" role="status">
          {t('importSaved', { version: s.version, people: s.people })}
        </p>
      ) : null}
      {s.kind === 'preview' || s.kind === 'saving' ? <Preview p={s.preview} busy={s.kind === 'saving'} /> : null}
    </section>
  );
}
