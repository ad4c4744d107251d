// The approvals inbox (AP): pending redeployment requests with their AP-6 cost and the decisions they still need,
// Approve / Reject for those allowed, and a small form for a new request. It loads and keeps its own state.
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { Redeployment, RedeploymentRequestBody } from '../../../shared/domain/redeployment.ts';
import { ApiError, json } from '../api.ts';
import { formatDay, lang, t, tx } from '../i18n.ts';
import { approverRole, canRequest as mayRequest, type Session } from '../model.ts';
import { REQUESTABLE_POSTS } from '../posts.ts';
import { people, personName, session, stationId, whenSignedIn } from '../state.ts';
import { DateInput } from '../ui/date-input.tsx';
import { ErrorBox, Notice } from '../ui/errors.tsx';
import { CostLine, RuleChip } from './roster/panels.tsx';

export type NewRequest = Partial<RedeploymentRequestBody> & Pick<RedeploymentRequestBody, 'personId' | 'post' | 'from' | 'to'>;

/** null: loading; 'unavailable': the server has no approvals endpoints. */
const pending = signal<Redeployment[] | null | 'unavailable'>(null);
const decided = signal<Redeployment[]>([]);
const busy = signal<ReadonlySet<string>>(new Set());
type Message = { kind: 'info' | 'warn'; text: string } | { kind: 'error'; error: unknown } | null;
const message = signal<Message>(null);

whenSignedIn(() => {
  pending.value = null;
  decided.value = [];
  message.value = null;
});

const enc = encodeURIComponent;
const base = () => `/stations/${enc(stationId.value)}/redeployments`;

export async function loadInbox(): Promise<void> {
  try {
    const list = await json<{ items: Redeployment[] }>('GET', `${base()}?status=pending`);
    pending.value = list.items;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND') pending.value = 'unavailable';
    else {
      pending.value = [];
      message.value = { kind: 'error', error: e };
    }
  }
}

const setBusy = (id: string, on: boolean) => {
  const next = new Set(busy.value);
  if (on) next.add(id);
  else next.delete(id);
  busy.value = next;
};

/** Files a request (from the form or a plan's suggestion); the inbox shows it or the API's refusal. */
export async function createRequest(body: NewRequest): Promise<Redeployment | null> {
  try {
    const created = await json<Redeployment>('POST', base(), body);
    message.value = { kind: 'info', text: t('requested', { id: created.id }) };
    if (Array.isArray(pending.value)) pending.value = [...pending.value.filter((r) => r.id !== created.id), created];
    void loadInbox();
    return created;
  } catch (e) {
    message.value = { kind: 'error', error: e };
    return null;
  }
}

function afterChange(updated: Redeployment): void {
  message.value = { kind: updated.status === 'rejected' || updated.status === 'withdrawn' ? 'warn' : 'info', text: t('nowStatus', { id: updated.id, status: tx('status', updated.status) }) };
  if (Array.isArray(pending.value))
    pending.value = updated.status === 'pending' ? pending.value.map((x) => (x.id === updated.id ? updated : x)) : pending.value.filter((x) => x.id !== updated.id);
  if (updated.status !== 'pending') decided.value = [updated, ...decided.value.filter((x) => x.id !== updated.id)];
}

async function act(r: Redeployment, path: string, body: unknown): Promise<void> {
  setBusy(r.id, true);
  try {
    afterChange(await json<Redeployment>('POST', `${base()}/${enc(r.id)}/${path}`, body));
  } catch (e) {
    message.value = { kind: 'error', error: e };
    if (e instanceof ApiError && e.status === 409) void loadInbox();
  } finally {
    setBusy(r.id, false);
  }
}

function RequestCard({ r, s, decidedList }: { r: Redeployment; s: Session; decidedList: boolean }) {
  const comment = useRef<HTMLInputElement>(null);
  const role = approverRole(s, stationId.value, r.required);
  const mine = r.requestedBy === s.sub || r.personId === s.sub || r.replacementId === s.sub;
  const myDecision = r.decisions.find((d) => d.by === s.sub);
  const roleFilled = role ? r.decisions.some((d) => d.role === role) : false;
  const isBusy = busy.value.has(r.id);
  const commentId = `comment-${r.id}`;
  const dates = r.from === r.to ? formatDay(r.from) : `${formatDay(r.from)} – ${formatDay(r.to)}`;
  const cost = r.cost;
  let actions = null;
  if (!decidedList && r.status === 'pending') {
    const decide = (d: 'approve' | 'reject') => void act(r, 'decisions', { decision: d, comment: comment.current?.value ?? '' });
    if (role && !mine && !myDecision && !roleFilled)
      actions = (
        <div class="decide">
          <label class="sr-only" for={commentId}>
            {t('comment')}
          </label>
          <input id={commentId} ref={comment} type="text" placeholder={t('comment')} maxLength={2000} />
          <button type="button" class="approve" disabled={isBusy} onClick={() => decide('approve')}>
            {t('approve')}
          </button>
          <button type="button" class="reject" disabled={isBusy} onClick={() => decide('reject')}>
            {t('reject')}
          </button>
        </div>
      );
    else if (role && mine) actions = <p class="note">{t('ownRequest')}</p>;
    else if (role && (myDecision || roleFilled)) actions = <p class="note">{t('alreadyDecided')}</p>;
    if (mayRequest(s, stationId.value))
      actions = (
        <div class="actions-row">
          {actions}
          <button type="button" class="link-button" disabled={isBusy} onClick={() => void act(r, 'withdraw', {})}>
            {t('withdraw')}
          </button>
        </div>
      );
  }
  return (
    <li class={`request status-${r.status}`} data-request-id={r.id} data-status={r.status}>
      <div class="issue-head">
        <strong>{personName(r.personId)}</strong>
        <span>{`→ ${tx('post', r.post)}`}</span>
        <span>{dates}</span>
        <span class={`status-badge status-${r.status}`}>{tx('status', r.status)}</span>
      </div>
      <p class="meta">
        <span>{tx('kind', r.kind)}</span>
        {' · '}
        <span>{t('requestedBy', { who: personName(r.requestedBy) })}</span>
        {r.replacementId ? (
          <>
            {' · '}
            <span>{`${t('replacement')}: ${personName(r.replacementId)}`}</span>
          </>
        ) : null}
        {' · '}
        <code>{r.id}</code>
      </p>
      {r.reason ? <p class="reason">{r.reason}</p> : null}
      {cost ? <CostLine hours={cost.communityHoursLost} week={cost.weeks.length === 1 ? cost.weeks[0]!.week : undefined} breaks={cost.breaks} /> : null}
      {cost?.notes.length ? (
        <ul class="notes">
          {cost.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      ) : null}
      <p class="approvers">
        <span class="cost-label">{t('required')}</span>
        {r.required.map((role) => {
          const d = r.decisions.find((x) => x.role === role);
          const mark = d ? (d.decision === 'approve' ? `✓ ${t('approvedMark')}` : `✕ ${t('rejectedMark')}`) : t('waiting');
          return (
            <span class={`approver ${d ? d.decision : 'waiting'}`} data-role={role} title={d ? `${personName(d.by)} · ${d.at}${d.comment ? ` · ${d.comment}` : ''}` : ''}>
              {`${tx('role', role)}: ${mark}`}
            </span>
          );
        })}
        <RuleChip id={r.required.includes('branch') ? 'AP-2' : 'AP-1'} severity="info" />
      </p>
      {actions}
    </li>
  );
}

const from = signal('');
const to = signal('');
const kind = signal<RedeploymentRequestBody['kind']>('duty');

/** The new-request form; its fields keep what was typed when the API refuses the request. */
function RequestForm({ defaultFrom }: { defaultFrom: string }) {
  const form = useRef<HTMLFormElement>(null);
  const officers = people.value.filter((p) => p.community?.dedicated);
  const field = (id: string, label: string, control: ComponentChildren, hidden = false) => (
    <div class="field" hidden={hidden}>
      <label for={id}>{label}</label>
      {control}
    </div>
  );
  if (!from.value) from.value = defaultFrom;
  if (!to.value) to.value = defaultFrom;
  return (
    <details class="new-request">
      <summary>{t('newRequest')}</summary>
      <form
        class="request-form"
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(form.current!);
          const value = (k: string) => String(data.get(k) ?? '');
          const body: NewRequest = {
            personId: value('personId'),
            post: value('post') as RedeploymentRequestBody['post'],
            from: value('from'),
            to: value('to'),
            kind: kind.value,
            reason: value('reason'),
            ...(kind.value === 'transfer' && value('replacementId') ? { replacementId: value('replacementId') } : {}),
          };
          void createRequest(body).then((r) => {
            if (r) {
              form.current?.reset();
              kind.value = 'duty';
            }
          });
        }}
      >
        <div class="form-grid">
          {field(
            'rq-person',
            t('requestPerson'),
            <select id="rq-person" name="personId" required>
              {officers.map((p) => (
                <option value={p.id}>{`${p.name} (${p.id}) · ${p.community?.id ?? ''} ${p.community?.role ?? ''}`}</option>
              ))}
            </select>,
          )}
          {field(
            'rq-post',
            t('requestPost'),
            <select id="rq-post" name="post">
              {REQUESTABLE_POSTS.map((p) => (
                <option value={p}>{tx('post', p)}</option>
              ))}
            </select>,
          )}
          {field('rq-from', t('requestFrom'), <DateInput id="rq-from" name="from" value={from.value} required onChange={(v) => (from.value = v)} />)}
          {field('rq-to', t('requestTo'), <DateInput id="rq-to" name="to" value={to.value} required onChange={(v) => (to.value = v)} />)}
          {field(
            'rq-kind',
            t('requestKind'),
            <select id="rq-kind" name="kind" value={kind.value} onChange={(e) => (kind.value = (e.target as HTMLSelectElement).value as RedeploymentRequestBody['kind'])}>
              {(['duty', 'routine-duty', 'transfer'] as const).map((k) => (
                <option value={k}>{tx('kind', k)}</option>
              ))}
            </select>,
          )}
          {field(
            'rq-replacement',
            t('replacement'),
            <select id="rq-replacement" name="replacementId">
              <option value="">—</option>
              {people.value
                .filter((p) => p.kind === 'officer')
                .map((p) => (
                  <option value={p.id}>{`${p.name} (${p.id})`}</option>
                ))}
            </select>,
            kind.value !== 'transfer',
          )}
        </div>
        {field('rq-reason', t('reason'), <textarea id="rq-reason" name="reason" rows={2} maxLength={2000} />)}
        <button type="submit" class="primary">
          {t('submitRequest')}
        </button>
      </form>
    </details>
  );
}

export function Inbox({ defaultFrom }: { defaultFrom: string }) {
  const s = session.value;
  if (!s) return null;
  const list = pending.value;
  const pendingIds = new Set(Array.isArray(list) ? list.map((r) => r.id) : []);
  const done = decided.value.filter((r) => !pendingIds.has(r.id));
  const msg = message.value;
  const canRequest = mayRequest(s, stationId.value);
  return (
    <section aria-label={t('approvals')} class="panel inbox" id="approvals">
      <h2>
        {t('approvals')}
        {Array.isArray(list) ? <span class="count">{String(list.length)}</span> : null}
      </h2>
      <p class="intro">{t('approvalsIntro')}</p>
      {msg ? msg.kind === 'error' ? <ErrorBox error={msg.error} /> : <Notice kind={msg.kind} text={msg.text} /> : null}
      {list === null ? (
        <p class="muted">{t('loading')}</p>
      ) : list === 'unavailable' ? (
        <p class="muted">{t('approvalsUnavailable')}</p>
      ) : list.length ? (
        <ul class="request-list" aria-label={t('approvals')}>
          {list.map((r) => (
            <RequestCard key={r.id} r={r} s={s} decidedList={false} />
          ))}
        </ul>
      ) : (
        <p class="ok">{t('noPending')}</p>
      )}
      {done.length ? (
        <>
          <h3>{t('decided')}</h3>
          <ul class="request-list decided" aria-label={t('decided')}>
            {done.map((r) => (
              <RequestCard key={r.id} r={r} s={s} decidedList />
            ))}
          </ul>
        </>
      ) : null}
      {canRequest && list !== 'unavailable' ? <RequestForm key={lang()} defaultFrom={defaultFrom} /> : null}
    </section>
  );
}
