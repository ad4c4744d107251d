// The day-to-day panel (docs/day-to-day.md), shown above every screen once signed in: the notice bell with its unread
// count; for everyone of the station, ask for leave and the calendar feed URL (copy, stop); for officers and
// auxiliaries, propose a swap with the rule check before sending; the leave and swaps waiting for the caller (decide,
// accept); for leaders, "re-plan changed days" with the difference listed (and highlighted in the grid) and publish.
// Actions offered follow what the API allows for the role (the core's permissions via model.ts, and the inbox's
// canDecide/canAccept, which the API computes with its own decision functions); refusals show status, code and sentence.
import { useEffect, useRef, useState } from 'preact/hooks';
import { encode } from 'uqr';
import type { LeaveRequest, Swap } from '../../../shared/domain/day-to-day.ts';
import { ABSENCE_REASONS } from '../../../shared/domain/day-to-day.ts';
import { ApiError, json, request } from '../api.ts';
import { marksChanged, ownDaysChanged, replanChanged, rosterChanged } from '../daytoday-state.ts';
import { formatDay, lang, t, tx } from '../i18n.ts';
import { laterDate } from '../../../shared/rotation/index.ts';
import { addDays, canAskLeave, canPlan, canProposeSwap, localDate } from '../model.ts';
import { people, personName, session, stationId } from '../state.ts';
import { DateInput } from '../ui/date-input.tsx';
import { ErrorBox, Notice } from '../ui/errors.tsx';
import { RuleChip, ruleTitle } from './roster/panels.tsx';

type NoticeItem = { id: string; at: string; kind: string; message: string; read: boolean };
type Side = { post: string; shift: string } | null;
type Change = { personId: string; date: string; before: Side; after: Side };
type Decidable = { canDecide?: boolean; canAccept?: boolean };
type InboxDoc = {
  counts: { redeployments: number; leave: number; swaps: number; total: number };
  leave: (LeaveRequest & Decidable)[];
  swaps: (Swap & Decidable)[];
};
type Diff = { count: number; days: string[]; changes: Change[]; planId: string; version: number };
type Outcome = { kind: 'info'; text: string } | { kind: 'error'; error: unknown } | null;
type Check = { ok: true } | { ok: false; rule: string; message: string } | null;

const enc = encodeURIComponent;
const postOf = (side: Side) => (side ? tx('post', side.post) : '–');
const join = (xs: string[]) => xs.join(lang() === 'zh' ? '、' : ', ');

/** The bell, drawn inline (no emoji font needed). */
function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" class="bell-icon" aria-hidden="true" width="16" height="16">
      <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16h15.4L18 12.6V9a6 6 0 0 0-6-6zm-2.5 15a2.5 2.5 0 0 0 5 0z" fill="currentColor" />
    </svg>
  );
}

/** The feed URL as a QR code, for a phone's calendar app: one SVG path of the dark modules, a quiet zone of four. */
function FeedQr({ url }: { url: string }) {
  const qr = encode(url, { ecc: 'M', border: 0 });
  const quiet = 4;
  const side = qr.size + 2 * quiet;
  let d = '';
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    });
  });
  return (
    <svg class="feed-qr" role="img" aria-label={t('feedQr')} viewBox={`0 0 ${side} ${side}`} width={side * 4} height={side * 4} shape-rendering="crispEdges" data-size={String(qr.size)}>
      <rect width={side} height={side} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

export function DayToDayPanel() {
  const s = session.value;
  const id = stationId.value;
  const [notices, setNotices] = useState<{ items: NoticeItem[]; unread: number } | null>(null);
  const [open, setOpen] = useState(false);
  const [inbox, setInbox] = useState<InboxDoc | null>(null);
  const [waiting, setWaiting] = useState<string[]>([]);
  const [feed, setFeed] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const today = localDate(new Date());
  const [leave, setLeave] = useState({ from: addDays(today, 1), to: addDays(today, 1), reason: 'leave' });
  const [swap, setSwap] = useState({ date: addDays(today, 1), withPersonId: '', withDate: '' });
  const [check, setCheck] = useState<Check>(null);
  const [busy, setBusy] = useState(false);
  const [mine, setMine] = useState<{ leave: LeaveRequest[]; swaps: Swap[] }>({ leave: [], swaps: [] });
  /** The newest roster-changed notice seen (undefined before the first read). */
  const lastRosterNotice = useRef<string | null | undefined>(undefined);
  const leader = s ? canPlan(s, id) : false;
  const member = s?.stationId === id;

  const refresh = async () => {
    if (!s || !member) return;
    const asks = canAskLeave(s, id);
    const [n, i, r, ml, ms] = await Promise.all([
      json<{ items: NoticeItem[]; unread: number }>('GET', '/me/notices').catch(() => null),
      json<InboxDoc>('GET', `/stations/${enc(id)}/inbox`).catch(() => null),
      leader ? json<{ days: string[] }>('GET', `/stations/${enc(id)}/replan`).catch(() => null) : Promise.resolve(null),
      asks ? json<{ items: LeaveRequest[] }>('GET', `/stations/${enc(id)}/leave-requests?${new URLSearchParams({ personId: s.sub })}`).catch(() => null) : Promise.resolve(null),
      canProposeSwap(s, id) ? json<{ items: Swap[] }>('GET', `/stations/${enc(id)}/swaps`).catch(() => null) : Promise.resolve(null),
    ]);
    setNotices(n);
    if (n) {
      const newest = n.items.find((x) => x.kind === 'roster-changed')?.id ?? null;
      if (lastRosterNotice.current !== undefined && newest !== lastRosterNotice.current) ownDaysChanged.value += 1;
      lastRosterNotice.current = newest;
    }
    setInbox(i);
    setWaiting(r?.days ?? []);
    // One's own requests, newest first: the pending ones and the five latest.
    const newest = <T extends { createdAt: string }>(xs: T[]) => [...xs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 5);
    setMine({ leave: newest(ml?.items ?? []), swaps: newest((ms?.items ?? []).filter((x) => x.mine.personId === s.sub)) });
  };
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 30_000);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [s?.token, id, marksChanged.value]);
  if (!s || !member) return null;

  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      const text = await what();
      setOutcome(text ? { kind: 'info', text } : null);
      await refresh();
    } catch (e) {
      setOutcome({ kind: 'error', error: e });
    } finally {
      setBusy(false);
    }
  };

  const decide = (kind: 'leave-requests' | 'swaps', rid: string, decision: 'approve' | 'reject') =>
    void act(async () => {
      const done = await json<{ id: string; status: string }>('POST', `/stations/${enc(id)}/${kind}/${enc(rid)}/decisions`, { decision });
      // An approved leave is an absence (the grid marks it); an approved swap is a publication.
      marksChanged.value += 1;
      if (kind === 'swaps' && done.status === 'approved') rosterChanged.value += 1;
      return t('requestDecided', { id: done.id, status: tx('status', done.status) });
    });

  /** A changed proposal needs a new check. */
  const changeSwap = (change: Partial<typeof swap>) => {
    setSwap({ ...swap, ...change });
    setCheck(null);
  };
  const swapBody = () => ({ date: swap.date, withPersonId: swap.withPersonId.trim(), ...(swap.withDate && swap.withDate !== swap.date ? { withDate: swap.withDate } : {}) });
  const runCheck = async (): Promise<boolean> => {
    try {
      await json('POST', `/stations/${enc(id)}/swaps/check`, swapBody());
      setCheck({ ok: true });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setCheck({ ok: false, rule: e.code, message: e.message });
        return false;
      }
      setCheck(null);
      throw e;
    }
  };

  const unread = notices?.unread ?? 0;
  const pendingLeave = (inbox?.leave ?? []).filter((l) => l.canDecide);
  const pendingSwaps = (inbox?.swaps ?? []).filter((x) => x.canDecide || x.canAccept);
  const colleagues = people.value.filter((p) => p.id !== s.sub);

  return (
    <section class="day-to-day" aria-label={t('dtdRegion')}>
      <div class="dtd-row">
        <button
          type="button"
          class="bell"
          data-testid="notice-bell"
          aria-expanded={open}
          aria-label={t('noticesUnread', { n: unread })}
          onClick={async () => {
            setOpen(!open);
            const newest = notices?.items[0]?.id;
            if (!open && newest && unread > 0) {
              await json('POST', '/me/notices/read', { upTo: newest }).catch(() => null);
              await refresh();
            }
          }}
        >
          <BellIcon /> {t('noticesButton')}{' '}
          <span class={`badge${unread ? ' unread' : ''}`} data-testid="notice-count">
            {String(unread)}
          </span>
        </button>
        {inbox && inbox.counts.total > 0 ? (
          <span class="inbox-counts" data-testid="inbox-counts">
            {t('inboxWaiting', { r: inbox.counts.redeployments, l: inbox.counts.leave, s: inbox.counts.swaps })}
          </span>
        ) : null}
      </div>
      {open ? (
        <ul class="notices" data-testid="notices">
          {notices?.items.length ? (
            notices.items.map((n) => (
              <li key={n.id} class={n.read ? 'read' : 'unread'} data-kind={n.kind}>
                {n.message}
              </li>
            ))
          ) : (
            <li class="muted">{t('noticesEmpty')}</li>
          )}
        </ul>
      ) : null}

      {pendingLeave.length || pendingSwaps.length ? (
        <fieldset class="dtd-inbox">
          <legend>{t('inboxTitle')}</legend>
          <ul>
            {pendingLeave.map((l) => (
              <li key={l.id} data-leave-id={l.id}>
                <span>{t('leaveItem', { name: personName(l.personId), from: formatDay(l.from), to: formatDay(l.to), reason: tx('reason', l.reason) })}</span>
                <button type="button" class="primary" disabled={busy} onClick={() => decide('leave-requests', l.id, 'approve')}>
                  {t('approve')}
                </button>
                <button type="button" class="secondary" disabled={busy} onClick={() => decide('leave-requests', l.id, 'reject')}>
                  {t('reject')}
                </button>
              </li>
            ))}
            {pendingSwaps.map((x) => (
              <li key={x.id} data-swap-id={x.id}>
                <span>
                  {t('swapItem', { a: personName(x.mine.personId), adate: formatDay(x.mine.date), apost: tx('post', x.mine.post), b: personName(x.theirs.personId), bdate: formatDay(x.theirs.date), bpost: tx('post', x.theirs.post) })}
                </span>
                {x.canAccept ? (
                  <button type="button" class="primary" disabled={busy} onClick={() => void act(async () => {
                    const done = await json<{ id: string; status: string }>('POST', `/stations/${enc(id)}/swaps/${enc(x.id)}/accept`);
                    return t('requestDecided', { id: done.id, status: tx('status', done.status) });
                  })}>
                    {t('swapAccept')}
                  </button>
                ) : null}
                {x.canDecide ? (
                  <>
                    <button type="button" class="primary" disabled={busy} onClick={() => decide('swaps', x.id, 'approve')}>
                      {t('approve')}
                    </button>
                    <button type="button" class="secondary" disabled={busy} onClick={() => decide('swaps', x.id, 'reject')}>
                      {t('reject')}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}

      {mine.leave.length || mine.swaps.length ? (
        <fieldset class="dtd-mine">
          <legend>{t('myRequests')}</legend>
          <ul>
            {mine.leave.map((l) => (
              <li key={l.id} data-my-leave-id={l.id} data-status={l.status}>
                <span>{t('myLeave', { from: formatDay(l.from), to: formatDay(l.to), status: tx('status', l.status) })}</span>
                {l.status === 'pending' ? (
                  <button type="button" class="secondary" disabled={busy} onClick={() => void act(async () => {
                    const done = await json<{ id: string; status: string }>('POST', `/stations/${enc(id)}/leave-requests/${enc(l.id)}/withdraw`);
                    return t('requestDecided', { id: done.id, status: tx('status', done.status) });
                  })}>
                    {t('withdraw')}
                  </button>
                ) : null}
              </li>
            ))}
            {mine.swaps.map((x) => (
              <li key={x.id} data-my-swap-id={x.id} data-status={x.status}>
                <span>{t('mySwap', { name: personName(x.theirs.personId), date: formatDay(x.mine.date), status: tx('status', x.status) })}</span>
                {x.status === 'proposed' || x.status === 'pending' ? (
                  <button type="button" class="secondary" disabled={busy} onClick={() => void act(async () => {
                    const done = await json<{ id: string; status: string }>('POST', `/stations/${enc(id)}/swaps/${enc(x.id)}/withdraw`);
                    return t('requestDecided', { id: done.id, status: tx('status', done.status) });
                  })}>
                    {t('withdraw')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}

      {canAskLeave(s, id) ? (
        <details class="dtd-details">
          <summary>{t('leaveTitle')}</summary>
          <form
            class="dtd-form leave-form"
            aria-label={t('leaveTitle')}
            onSubmit={(e) => {
              e.preventDefault();
              void act(async () => {
                const made = await json<{ id: string }>('POST', `/stations/${enc(id)}/leave-requests`, { from: leave.from, to: laterDate(leave.from, leave.to), reason: leave.reason });
                return t('leaveSent', { id: made.id });
              });
            }}
          >
            <label for="leave-from">{t('leaveFrom')}</label>
            <DateInput id="leave-from" value={leave.from} required onChange={(d) => setLeave({ ...leave, from: d })} />
            <label for="leave-to">{t('leaveTo')}</label>
            <DateInput id="leave-to" value={leave.to} required onChange={(d) => setLeave({ ...leave, to: d })} />
            <label>
              {t('leaveReason')}{' '}
              <select value={leave.reason} onChange={(e) => setLeave({ ...leave, reason: (e.target as HTMLSelectElement).value })}>
                {ABSENCE_REASONS.map((r) => (
                  <option value={r}>{tx('reason', r)}</option>
                ))}
              </select>
            </label>
            <button type="submit" class="primary" disabled={busy} data-testid="leave-send">
              {t('leaveSend')}
            </button>
          </form>
        </details>
      ) : null}

      {canProposeSwap(s, id) ? (
        <details class="dtd-details">
          <summary>{t('swapTitle')}</summary>
          <form
            class="dtd-form swap-form"
            aria-label={t('swapTitle')}
            onSubmit={(e) => {
              e.preventDefault();
              void act(async () => {
                // The check first: nothing is sent that the API would refuse for a rule (the check says which).
                if (!(await runCheck())) return '';
                const made = await json<{ id: string }>('POST', `/stations/${enc(id)}/swaps`, swapBody());
                setCheck(null);
                return t('swapSent', { id: made.id });
              });
            }}
          >
            <label for="swap-date">{t('swapDate')}</label>
            <DateInput id="swap-date" value={swap.date} required onChange={(d) => changeSwap({ date: d })} />
            <label for="swap-with">{t('swapWith')}</label>
            {colleagues.length ? (
              <select id="swap-with" value={swap.withPersonId} required onChange={(e) => changeSwap({ withPersonId: (e.target as HTMLSelectElement).value })}>
                <option value="">–</option>
                {colleagues.map((p) => (
                  <option value={p.id}>{`${p.name} (${p.id})`}</option>
                ))}
              </select>
            ) : (
              <input id="swap-with" value={swap.withPersonId} required size={8} onInput={(e) => changeSwap({ withPersonId: (e.target as HTMLInputElement).value })} />
            )}
            <label for="swap-with-date">{t('swapWithDate')}</label>
            <DateInput id="swap-with-date" value={swap.withDate || swap.date} onChange={(d) => changeSwap({ withDate: d })} />
            <button type="button" class="secondary" disabled={busy || !swap.withPersonId} onClick={() => void runCheck().catch((e: unknown) => setOutcome({ kind: 'error', error: e }))}>
              {t('swapCheck')}
            </button>
            <button type="submit" class="primary" disabled={busy || !swap.withPersonId || (check !== null && !check.ok)}>
              {t('swapSend')}
            </button>
            {check ? (
              check.ok ? (
                <p class="ok swap-check" role="status" data-ok="true">
                  {t('swapOk')}
                </p>
              ) : (
                <div class="alert error swap-check" role="alert" data-rule={check.rule}>
                  <p>
                    <RuleChip id={check.rule} /> <strong>{t('swapBreaks', { rule: check.rule, title: ruleTitle(check.rule) })}</strong>
                  </p>
                  <p>{check.message}</p>
                </div>
              )
            ) : null}
          </form>
        </details>
      ) : null}

      <div class="feed">
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const made = await json<{ url: string }>('POST', '/me/calendar-feed');
              setFeed(made.url);
              return t('feedMade');
            })
          }
        >
          {t('feedButton')}
        </button>
        {feed ? (
          <>
            <input readOnly value={feed} data-testid="feed-url" size={40} aria-label={t('feedButton')} />
            <button type="button" class="secondary" onClick={() => void navigator.clipboard?.writeText(feed).then(() => setOutcome({ kind: 'info', text: t('feedCopied') }), () => null)}>
              {t('feedCopy')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await request('DELETE', '/me/calendar-feed');
                  setFeed(null);
                  return t('feedRevoked');
                })
              }
            >
              {t('feedRevoke')}
            </button>
            <div class="feed-qr-box">
              <FeedQr url={feed} />
            </div>
          </>
        ) : null}
      </div>

      {leader ? (
        <div class="replan">
          {waiting.length ? (
            <span class="replan-waiting" data-testid="replan-waiting" title={join(waiting.map((d) => formatDay(d)))}>
              {t('replanWaiting', { n: waiting.length })}
            </span>
          ) : null}
          <button
            type="button"
            class="primary"
            data-testid="replan"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const r = await json<{ count: number; days: string[]; changes: Change[]; plan: { id: string; version: number } | null }>('POST', `/stations/${enc(id)}/replan`, {});
                if (!r.plan) {
                  setDiff(null);
                  replanChanged.value = new Set();
                  return t('replanNone');
                }
                setDiff({ count: r.count, days: r.days, changes: r.changes, planId: r.plan.id, version: r.plan.version });
                replanChanged.value = new Set(r.changes.map((c) => `${c.personId}|${c.date}`));
                return t('replanDone', { days: r.days.length, count: r.count, id: r.plan.id });
              })
            }
          >
            {t('replanButton')}
          </button>
          {diff ? (
            <>
              <h3 class="diff-title">
                {t('replanDiff')} <span class="count" data-testid="replan-count">{String(diff.count)}</span>
              </h3>
              <ul class="diff" data-testid="replan-diff">
                {diff.changes.map((c) => (
                  <li key={`${c.personId}|${c.date}`} class="changed" data-person-id={c.personId} data-date={c.date} data-after={c.after?.post ?? ''}>
                    {`${formatDay(c.date)} ${personName(c.personId)}: ${postOf(c.before)} → `}
                    <mark>{postOf(c.after)}</mark>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                class="primary"
                data-testid="replan-publish"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await json('POST', `/stations/${enc(id)}/plans/${enc(diff.planId)}/publish`, { version: diff.version });
                    setDiff(null);
                    replanChanged.value = new Set();
                    rosterChanged.value += 1;
                    marksChanged.value += 1;
                    return t('replanPublished');
                  })
                }
              >
                {t('replanPublish')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <div class="dtd-outcome">{outcome ? outcome.kind === 'info' ? <Notice kind="info" text={outcome.text} /> : <ErrorBox error={outcome.error} /> : null}</div>
    </section>
  );
}
