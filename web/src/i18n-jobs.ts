// The planning job's words on the page (a plan made with "wait": false: its progress and the cancel button), in
// English and Chinese (merged into the page's dictionaries by i18n.ts; the same keys in both).
export const jobsEn = {
  jobTitle: 'Making the plan',
  jobProgressLabel: 'Planning time used',
  jobElapsed: '{elapsed} s of at most {seconds} s',
  jobFirstPlan: 'Looking for a first plan…',
  jobScore: 'Best plan so far: score {score}',
  jobBound: 'no plan can score below {bound}',
  jobChartLabel: 'Score of the best plan and the lower bound over time',
  jobChartScore: 'score',
  jobChartBound: 'lower bound',
  jobCancel: 'Stop and keep the best',
  jobCancelling: 'Stopping…',
  jobStopped: 'Stopped early: plan {id} is the best plan found until then ({shortfalls} shortfalls, {violations} rule breaks).',
  jobFailed: 'The plan could not be made: {message}',
} as const;

export const jobsZh: Record<keyof typeof jobsEn, string> = {
  jobTitle: '正在生成排班',
  jobProgressLabel: '已用排班时间',
  jobElapsed: '已用 {elapsed} 秒，最多 {seconds} 秒',
  jobFirstPlan: '正在寻找第一个方案…',
  jobScore: '当前最佳方案得分 {score}',
  jobBound: '任何方案得分都不低于 {bound}',
  jobChartLabel: '最佳方案得分与下界随时间的变化',
  jobChartScore: '得分',
  jobChartBound: '下界',
  jobCancel: '取消并保留当前最佳',
  jobCancelling: '正在停止…',
  jobStopped: '已提前停止：排班 {id} 为此前找到的最佳方案（缺口 {shortfalls} 个，违反规则 {violations} 处）。',
  jobFailed: '排班未能生成：{message}',
};
