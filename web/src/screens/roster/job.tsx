// A plan being made (a planning job): time used against its budget, the best score and the lower bound as they
// converge (figures, the proven-gap sentence and a small chart of both over time), and the button that stops the
// job keeping its best plan. The screen (index.tsx) polls the job and hands it here.
import type { PlanJob } from '../../../../shared/domain/plan.ts';
import { t } from '../../i18n.ts';
import { gapPercent } from './panels.tsx';

/** One reading of the job's progress, kept by the screen for the chart. */
export type ProgressPoint = { elapsedSeconds: number; score: number | null; bound: number | null };

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The proven-gap sentence of a score and a bound (the one a finished plan shows), or null while either is unknown. */
export function progressGap(score: number | null, bound: number | null): string | null {
  // A bound of 0 proves nothing yet ("within 100 %"): the sentence waits for a real one.
  if (score === null || bound === null || (bound <= 0 && score > 0)) return null;
  const gap = score > 0 ? Math.max(0, (score - bound) / score) : 0;
  return gap <= 0 ? t('planOptimal', { score }) : t('planGap', { gap: gapPercent(gap), score, bound });
}

/** Score (solid) and bound (dashed) over time: two lines closing in on each other. */
function ConvergenceChart({ points }: { points: readonly ProgressPoint[] }) {
  const known = points.filter((p) => p.score !== null);
  if (known.length < 2) return null;
  const width = 320;
  const height = 80;
  const tMax = Math.max(...known.map((p) => p.elapsedSeconds), 1);
  const values = known.flatMap((p) => [p.score ?? 0, p.bound ?? 0]);
  const vMax = Math.max(...values, 1);
  const vMin = Math.min(...values, 0);
  const x = (s: number) => round1((s / tMax) * width);
  const y = (v: number) => round1(height - ((v - vMin) / (vMax - vMin || 1)) * height);
  const line = (pick: (p: ProgressPoint) => number | null) =>
    known
      .filter((p) => pick(p) !== null)
      .map((p) => `${x(p.elapsedSeconds)},${y(pick(p)!)}`)
      .join(' ');
  return (
    <figure class="job-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('jobChartLabel')} preserveAspectRatio="none">
        <polyline class="job-score" points={line((p) => p.score)} fill="none" />
        <polyline class="job-bound" points={line((p) => p.bound)} fill="none" />
      </svg>
      <figcaption>
        <span class="key key-score">{t('jobChartScore')}</span> <span class="key key-bound">{t('jobChartBound')}</span>
      </figcaption>
    </figure>
  );
}

export function PlanJobCard({ job, points, cancelling, onCancel }: { job: PlanJob; points: readonly ProgressPoint[]; cancelling: boolean; onCancel: () => void }) {
  const { elapsedSeconds, score, bound } = job.progress;
  const gap = progressGap(score, bound);
  const stopping = cancelling || job.cancelRequestedAt !== undefined;
  return (
    <section class="card plan-job" id="plan-job" aria-labelledby="plan-job-title" aria-busy="true" data-plan-id={job.id}>
      <h2 id="plan-job-title">{t('jobTitle')}</h2>
      <progress id="plan-job-progress" max={job.seconds} value={Math.min(elapsedSeconds, job.seconds)} aria-label={t('jobProgressLabel')} />
      <p class="job-elapsed">{t('jobElapsed', { elapsed: round1(elapsedSeconds).toFixed(1), seconds: job.seconds })}</p>
      <p class="job-figures" aria-live="polite">
        {score === null ? t('jobFirstPlan') : t('jobScore', { score })}
        {score !== null && bound !== null ? ` · ${t('jobBound', { bound })}` : null}
      </p>
      {gap ? <p class="plan-quality job-gap">{gap}</p> : null}
      <ConvergenceChart points={points} />
      <button type="button" class="secondary job-cancel" disabled={stopping} onClick={onCancel}>
        {stopping ? t('jobCancelling') : t('jobCancel')}
      </button>
    </section>
  );
}
