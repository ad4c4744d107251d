// Examples shown in the API description. test/api-docs.test.ts parses each with the schema it illustrates, so an
// example that drifts from its schema fails the tests.
export const EXAMPLES = {
  station: {
    name: '前门派出所',
    timezone: 'Asia/Shanghai',
    rules: { communityShare: 0.9, weeklyCommunityHours: 36, minRestHours: 11, maxConsecutiveNights: 3, transferMinTenureYears: 5 },
    shiftTypes: [
      { code: 'P', name: '主班', start: '08:00', hours: 24 },
      { code: 'S', name: '副班', start: '08:00', hours: 10 },
      { code: 'R', name: '休息', hours: 0 },
      { code: 'W', name: '社区工作日', start: '08:30', hours: 8 },
      { code: 'F', name: '弹性夜班', start: '18:00', hours: 4 },
    ],
    pattern: { cycle: ['P', 'S', 'R'], anchorDate: '2026-01-05' },
    groups: [
      { id: 'G1', offset: 0 },
      { id: 'G2', offset: 1 },
      { id: 'G3', offset: 2 },
    ],
    communities: [{ id: 'C1', name: '大栅栏西街社区', auxiliaries: 2 }],
    people: [
      { id: 'P001', name: '张伟', kind: 'officer', rank: 'director', group: null, skills: [], joined: '2003-07-01' },
      { id: 'P014', name: '李娜', kind: 'officer', rank: 'officer', group: 'G2', skills: ['driver', 'case-handling'], joined: '2019-09-01' },
      {
        id: 'P020',
        name: '王芳',
        kind: 'officer',
        rank: 'officer',
        group: null,
        skills: [],
        joined: '2006-03-01',
        community: { id: 'C1', role: 'A', dedicated: true, since: '2021-09-01' },
      },
    ],
    demand: [
      { post: 'patrol-01', shift: 'P', people: 2, skills: ['driver'] },
      { post: 'case-handling', shift: 'P', people: 1, skills: ['case-handling'] },
      { post: 'command-room', shift: 'P', people: 1 },
    ],
    absences: [{ personId: 'P014', from: '2026-12-03', to: '2026-12-09', reason: 'leave' }],
    reinforcedDuty: [{ from: '2026-12-24', to: '2026-12-26', note: '一级加强勤务' }],
  },
  planRequest: { start: '2026-12-07', days: 28 },
  redeploymentRequest: { personId: 'P020', post: 'station-duty', from: '2026-12-09', to: '2026-12-09', reason: '值班警力不足', kind: 'duty' },
  decision: { decision: 'approve', comment: '同意，限当日' },
  reinforcedDuty: { from: '2026-12-24', to: '2026-12-26', note: '一级加强勤务' },
} as const;
