// The approvals inbox (AP): pending redeployment requests with their AP-6 cost and the decisions they still need,
// Approve / Reject for those allowed, and a small form for a new request.
import type { Redeployment, RedeploymentRequestBody } from '../../../shared/domain/redeployment.ts';
import type { Person } from '../../../shared/domain/station.ts';
import { h } from '../dom.ts';
import { formatDay, t, tx } from '../i18n.ts';
import { addDays, approverRole, type Session } from '../model.ts';
import { REQUESTABLE_POSTS } from '../posts.ts';
import { costLine, ruleChip } from './panels.ts';

export type InboxInput = {
  session: Session;
  stationId: string;
  /** null: loading; 'unavailable': the server has no approvals endpoints. */
  pending: Redeployment[] | null | 'unavailable';
  decided: Redeployment[];
  busy: Set<string>;
  name: (id: string) => string;
  canRequest: boolean;
  officers: Person[];
  people: Person[];
  defaultFrom: string;
  message: HTMLElement | null;
  /** The new-request form (made by `requestForm`), shown when the caller may request. */
  form: HTMLElement | null;
  onDecide: (r: Redeployment, decision: 'approve' | 'reject', comment: string) => void;
  onWithdraw: (r: Redeployment) => void;
  onCreate: (body: Partial<RedeploymentRequestBody> & Pick<RedeploymentRequestBody, 'personId' | 'post' | 'from' | 'to'>) => void;
};

function requestCard(r: Redeployment, input: InboxInput, decidedList: boolean): HTMLElement {
  const { session, stationId, name } = input;
  const role = approverRole(session, stationId, r.required);
  const mine = r.requestedBy === session.sub || r.personId === session.sub || r.replacementId === session.sub;
  const myDecision = r.decisions.find((d) => d.by === session.sub);
  const roleFilled = role ? r.decisions.some((d) => d.role === role) : false;
  const busy = input.busy.has(r.id);
  const commentId = `comment-${r.id}`;
  const dates = r.from === r.to ? formatDay(r.from) : `${formatDay(r.from)} – ${formatDay(r.to)}`;
  const cost = r.cost;
  let actions: HTMLElement | null = null;
  if (!decidedList && r.status === 'pending') {
    if (role && !mine && !myDecision && !roleFilled) {
      actions = h(
        'div',
        { class: 'decide' },
        h('label', { class: 'sr-only', htmlFor: commentId }, t('comment')),
        h('input', { id: commentId, type: 'text', placeholder: t('comment'), maxLength: 2000 }),
        h('button', { type: 'button', class: 'approve', disabled: busy, on: { click: () => input.onDecide(r, 'approve', (document.getElementById(commentId) as HTMLInputElement | null)?.value ?? '') } }, t('approve')),
        h('button', { type: 'button', class: 'reject', disabled: busy, on: { click: () => input.onDecide(r, 'reject', (document.getElementById(commentId) as HTMLInputElement | null)?.value ?? '') } }, t('reject')),
      );
    } else if (role && mine) actions = h('p', { class: 'note' }, t('ownRequest'));
    else if (role && (myDecision || roleFilled)) actions = h('p', { class: 'note' }, t('alreadyDecided'));
    if (input.canRequest)
      actions = h('div', { class: 'actions-row' }, actions, h('button', { type: 'button', class: 'link-button', disabled: busy, on: { click: () => input.onWithdraw(r) } }, t('withdraw')));
  }
  return h(
    'li',
    { class: `request status-${r.status}`, dataset: { requestId: r.id, status: r.status } },
    h(
      'div',
      { class: 'issue-head' },
      h('strong', null, name(r.personId)),
      h('span', null, `→ ${tx('post', r.post)}`),
      h('span', null, dates),
      h('span', { class: `status-badge status-${r.status}` }, tx('status', r.status)),
    ),
    h(
      'p',
      { class: 'meta' },
      h('span', null, tx('kind', r.kind)),
      ' · ',
      h('span', null, t('requestedBy', { who: name(r.requestedBy) })),
      r.replacementId ? [' · ', h('span', null, `${t('replacement')}: ${name(r.replacementId)}`)] : null,
      ' · ',
      h('code', null, r.id),
    ),
    r.reason ? h('p', { class: 'reason' }, r.reason) : null,
    cost ? costLine(cost.communityHoursLost, cost.weeks.length === 1 ? cost.weeks[0]!.week : undefined, cost.breaks) : null,
    cost?.notes.length ? h('ul', { class: 'notes' }, cost.notes.map((n) => h('li', null, n))) : null,
    h(
      'p',
      { class: 'approvers' },
      h('span', { class: 'cost-label' }, t('required')),
      r.required.map((role) => {
        const d = r.decisions.find((x) => x.role === role);
        const mark = d ? (d.decision === 'approve' ? `✓ ${t('approvedMark')}` : `✕ ${t('rejectedMark')}`) : t('waiting');
        return h(
          'span',
          { class: `approver ${d ? d.decision : 'waiting'}`, dataset: { role }, title: d ? `${name(d.by)} · ${d.at}${d.comment ? ` · ${d.comment}` : ''}` : '' },
          `${tx('role', role)}: ${mark}`,
        );
      }),
      ruleChip(r.required.includes('branch') ? 'AP-2' : 'AP-1', 'info'),
    ),
    actions,
  );
}

/** The new-request form; the page keeps one across re-renders so that an error does not lose what was typed. */
export function requestForm(input: Pick<InboxInput, 'people' | 'officers' | 'defaultFrom' | 'onCreate'>): HTMLElement {
  const ids = { person: 'rq-person', post: 'rq-post', from: 'rq-from', to: 'rq-to', kind: 'rq-kind', replacement: 'rq-replacement', reason: 'rq-reason' };
  const field = (id: string, label: string, control: HTMLElement) => h('div', { class: 'field' }, h('label', { htmlFor: id }, label), control);
  const replacement = h(
    'select',
    { id: ids.replacement, name: 'replacementId' },
    h('option', { value: '' }, '—'),
    input.people.filter((p) => p.kind === 'officer').map((p) => h('option', { value: p.id }, `${p.name} (${p.id})`)),
  );
  const kind = h(
    'select',
    { id: ids.kind, name: 'kind', on: { change: () => (replacementField.hidden = kind.value !== 'transfer') } },
    (['duty', 'routine-duty', 'transfer'] as const).map((k) => h('option', { value: k }, tx('kind', k))),
  );
  const replacementField = field(ids.replacement, t('replacement'), replacement);
  replacementField.hidden = true;
  const form = h(
    'form',
    {
      class: 'request-form',
      on: {
        reset: () => setTimeout(() => (replacementField.hidden = kind.value !== 'transfer')),
        submit: (e: Event) => {
          e.preventDefault();
          const data = new FormData(form);
          const value = (k: string) => String(data.get(k) ?? '');
          const body = {
            personId: value('personId'),
            post: value('post') as RedeploymentRequestBody['post'],
            from: value('from'),
            to: value('to'),
            kind: value('kind') as RedeploymentRequestBody['kind'],
            reason: value('reason'),
            ...(value('kind') === 'transfer' && value('replacementId') ? { replacementId: value('replacementId') } : {}),
          };
          input.onCreate(body);
        },
      },
    },
    h(
      'div',
      { class: 'form-grid' },
      field(
        ids.person,
        t('requestPerson'),
        h(
          'select',
          { id: ids.person, name: 'personId', required: true },
          input.officers.map((p) => h('option', { value: p.id }, `${p.name} (${p.id}) · ${p.community?.id ?? ''} ${p.community?.role ?? ''}`)),
        ),
      ),
      field(ids.post, t('requestPost'), h('select', { id: ids.post, name: 'post' }, REQUESTABLE_POSTS.map((p) => h('option', { value: p }, tx('post', p))))),
      field(ids.from, t('requestFrom'), h('input', { id: ids.from, name: 'from', type: 'date', required: true, defaultValue: input.defaultFrom })),
      field(ids.to, t('requestTo'), h('input', { id: ids.to, name: 'to', type: 'date', required: true, defaultValue: addDays(input.defaultFrom, 0) })),
      field(ids.kind, t('requestKind'), kind),
      replacementField,
    ),
    field(ids.reason, t('reason'), h('textarea', { id: ids.reason, name: 'reason', rows: 2, maxLength: 2000 })),
    h('button', { type: 'submit', class: 'primary' }, t('submitRequest')),
  );
  return h('details', { class: 'new-request' }, h('summary', null, t('newRequest')), form);
}

export function renderInbox(input: InboxInput): HTMLElement {
  const { pending } = input;
  const pendingIds = new Set(Array.isArray(pending) ? pending.map((r) => r.id) : []);
  const decided = input.decided.filter((r) => !pendingIds.has(r.id));
  return h(
    'section',
    { role: 'region', 'aria-label': t('approvals'), class: 'panel inbox', id: 'approvals' },
    h('h2', null, t('approvals'), Array.isArray(pending) ? h('span', { class: 'count' }, String(pending.length)) : null),
    h('p', { class: 'intro' }, t('approvalsIntro')),
    input.message,
    pending === null
      ? h('p', { class: 'muted' }, t('loading'))
      : pending === 'unavailable'
        ? h('p', { class: 'muted' }, t('approvalsUnavailable'))
        : pending.length
          ? h('ul', { class: 'request-list', 'aria-label': t('approvals') }, pending.map((r) => requestCard(r, input, false)))
          : h('p', { class: 'ok' }, t('noPending')),
    decided.length
      ? [h('h3', null, t('decided')), h('ul', { class: 'request-list decided', 'aria-label': t('decided') }, decided.map((r) => requestCard(r, input, true)))]
      : null,
    input.canRequest && pending !== 'unavailable' ? input.form : null,
  );
}
