// The day-to-day panel (docs/day-to-day.md), shown above every screen once signed in: the notice bell with its unread
// count; for everyone, ask for leave and the calendar feed URL (copy button); for leaders, the inbox counts and
// "re-plan changed days" with the difference listed. Actions offered follow what the API allows for the role
// (the core's permissions via model.ts `may`), and refusals are shown with their status and code.
import { useEffect, useState } from 'preact/hooks';
import { json } from '../api.ts';
import { lang } from '../i18n.ts';
import { canPlan } from '../model.ts';
import { session, stationId } from '../state.ts';

const L = (zh: string, en: string) => (lang() === 'zh' ? zh : en);

type Notice = { id: string; at: string; kind: string; message: string; read: boolean };
type Change = { personId: string; date: string; before: { post: string } | null; after: { post: string } | null };
type Inbox = { counts: { redeployments: number; leave: number; swaps: number; total: number } };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function DayToDayPanel() {
  const s = session.value;
  const id = stationId.value;
  const [notices, setNotices] = useState<{ items: Notice[]; unread: number } | null>(null);
  const [open, setOpen] = useState(false);
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [feed, setFeed] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [diff, setDiff] = useState<{ count: number; days: string[]; changes: Change[]; planId: string | null } | null>(null);
  const [leave, setLeave] = useState({ from: '', to: '', reason: 'leave' });
  const leader = s ? canPlan(s, id) : false;
  const member = s?.stationId === id;

  const refresh = async () => {
    if (!s || !member) return;
    setNotices(await json<{ items: Notice[]; unread: number }>('GET', '/me/notices').catch(() => null));
    setInbox(await json<Inbox>('GET', `/stations/${id}/inbox`).catch(() => null));
  };
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 30_000);
    return () => clearInterval(timer);
  }, [s?.token, id]);
  if (!s || !member) return null;

  const act = async (what: () => Promise<string>) => {
    try {
      setMessage(await what());
      await refresh();
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <section class="day-to-day" aria-label={L('日常', 'Day to day')}>
      <button
        type="button"
        class="bell"
        data-testid="notice-bell"
        aria-expanded={open}
        onClick={async () => {
          setOpen(!open);
          const newest = notices?.items[0]?.id;
          if (!open && newest) await json('POST', '/me/notices/read', { upTo: newest }).catch(() => null);
        }}
      >
        🔔 {L('通知', 'Notices')} <span class="badge" data-testid="notice-count">{notices?.unread ?? 0}</span>
      </button>
      {inbox && inbox.counts.total > 0 ? (
        <span class="inbox" data-testid="inbox-counts">
          {L('待处理', 'Waiting')}: {L('调用', 'redeployments')} {inbox.counts.redeployments} · {L('请假', 'leave')} {inbox.counts.leave} · {L('换班', 'swaps')} {inbox.counts.swaps}
        </span>
      ) : null}
      {open ? (
        <ul class="notices" data-testid="notices">
          {(notices?.items ?? []).map((n) => (
            <li key={n.id} class={n.read ? 'read' : 'unread'}>
              {n.message}
            </li>
          ))}
        </ul>
      ) : null}

      <form
        class="leave-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const made = await json<{ id: string }>('POST', `/stations/${id}/leave-requests`, { from: leave.from, to: leave.to || leave.from, reason: leave.reason });
            return L(`请假申请已提交（${made.id}）`, `Leave request sent (${made.id})`);
          });
        }}
      >
        <strong>{L('申请请假', 'Ask for leave')}</strong>
        <label>
          {L('开始', 'From')} <input type="date" required value={leave.from} onInput={(e) => setLeave({ ...leave, from: (e.target as HTMLInputElement).value })} data-testid="leave-from" />
        </label>
        <label>
          {L('结束', 'To')} <input type="date" value={leave.to} onInput={(e) => setLeave({ ...leave, to: (e.target as HTMLInputElement).value })} data-testid="leave-to" />
        </label>
        <select value={leave.reason} onChange={(e) => setLeave({ ...leave, reason: (e.target as HTMLSelectElement).value })}>
          <option value="leave">{L('事假/年假', 'Leave')}</option>
          <option value="sick">{L('病假', 'Sick')}</option>
          <option value="training">{L('培训', 'Training')}</option>
          <option value="other">{L('其他', 'Other')}</option>
        </select>
        <button type="submit" data-testid="leave-send">{L('提交', 'Send')}</button>
      </form>

      <div class="feed">
        <button
          type="button"
          onClick={() => void act(async () => {
            const made = await json<{ url: string }>('POST', '/me/calendar-feed');
            setFeed(made.url);
            return L('已生成新的订阅地址，旧地址失效', 'New subscription URL; the previous one stopped working');
          })}
        >
          {L('日历订阅地址', 'Calendar feed URL')}
        </button>
        {feed ? (
          <>
            <input readOnly value={feed} data-testid="feed-url" size={40} />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(feed)}>{L('复制', 'Copy')}</button>
          </>
        ) : null}
      </div>

      {leader ? (
        <div class="replan">
          <button
            type="button"
            data-testid="replan"
            onClick={() => void act(async () => {
              const r = await json<{ count: number; days: string[]; changes: Change[]; plan: { id: string } | null }>('POST', `/stations/${id}/replan`, {});
              setDiff({ count: r.count, days: r.days, changes: r.changes, planId: r.plan?.id ?? null });
              return r.plan ? L(`已重排 ${r.days.length} 天，${r.count} 处变化（草稿 ${r.plan.id}）`, `Re-planned ${r.days.length} day(s): ${r.count} cell(s) changed (draft ${r.plan.id})`) : L('没有需要重排的日期', 'No days need a re-plan');
            })}
          >
            {L('重排有变化的日期', 'Re-plan changed days')}
          </button>
          {diff && diff.planId ? (
            <>
              <ul class="diff" data-testid="replan-diff">
                {diff.changes.map((c) => (
                  <li key={`${c.personId}${c.date}`} class="changed">
                    {c.date} {c.personId}: {c.before?.post ?? '–'} → <mark>{c.after?.post ?? '–'}</mark>
                  </li>
                ))}
              </ul>
              <button type="button" data-testid="replan-publish" onClick={() => void act(async () => {
                await json('POST', `/stations/${id}/plans/${diff.planId}/publish`);
                setDiff(null);
                return L('已发布', 'Published');
              })}>
                {L('发布重排结果', 'Publish the re-plan')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {message ? <p class="message" role="status">{message}</p> : null}
    </section>
  );
}
