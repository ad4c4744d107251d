// The API error shape on screen: a title in the page's language, the status and code, the API's message (in the
// language the page asked for) and every detail.
import { ApiError } from '../api.ts';
import { t } from '../i18n.ts';

export function errorTitle(e: ApiError): string {
  return e.status === 403
    ? t('errorForbidden')
    : e.status === 409
      ? t('errorConflict')
      : e.status === 422
        ? t('errorRule')
        : e.status === 400
          ? t('errorBadInput')
          : e.status === 401
            ? t('errorAuth')
            : e.status === 0
              ? t('errorNetwork')
              : t('error');
}

export function ErrorBox({ error }: { error: unknown }) {
  if (error instanceof ApiError)
    return (
      <div class="alert error" role="alert" data-status={String(error.status)} data-code={error.code}>
        <p>
          <strong>{errorTitle(error)}</strong> <span class="error-code">{`${error.status || ''} ${error.code}`.trim()}</span>
          {error.status === 0 ? null : <> — {error.message}</>}
        </p>
        {error.details.length ? (
          <ul>
            {error.details.map((d) => (
              <li>
                <code>{d.path}</code>: {d.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  return (
    <div class="alert error" role="alert">
      <p>
        <strong>{t('error')}</strong>
      </p>
    </div>
  );
}

/** A short message (info or warning) with the right live-region role. */
export function Notice({ kind, text }: { kind: 'info' | 'warn' | 'error'; text: string }) {
  return (
    <div class={`alert ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </div>
  );
}
