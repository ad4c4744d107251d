// The CDK app: `npx cdk synth` / `npx cdk deploy`. Settings from context (`-c stage=prod -c nightlyCron=...`), each
// with a default; see README "Deploy".
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RosterStack } from './stack.ts';

const app = new App();
// cdk-nag's AwsSolutions checks on every synth and deploy: a finding not acknowledged in infra/nag.ts stops it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const context = (name: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(name);
  return value === undefined || value === null || value === '' ? undefined : String(value);
};
const number = (name: string): number | undefined => {
  const value = context(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`context ${name} must be a number, not ${value}`);
  return n;
};

const stage = context('stage') ?? 'dev';
const horizonDays = number('nightlyHorizonDays');
const leadDays = number('nightlyLeadDays');
const solverSeconds = number('nightlySolverSeconds');
const maxConcurrency = number('nightlyMaxConcurrency');
const nightlyCron = context('nightlyCron');
const nightlyTimezone = context('nightlyTimezone');
const alarmEmail = context('alarmEmail');
const cognitoDomainPrefix = context('cognitoDomainPrefix');
new RosterStack(app, `DutyRoster-${stage}`, {
  stage,
  // On unless told otherwise (`-c deletionProtection=false`, e.g. for a throw-away stage).
  deletionProtection: context('deletionProtection') !== 'false',
  ...(nightlyCron ? { nightlyCron } : {}),
  ...(nightlyTimezone ? { nightlyTimezone } : {}),
  nightly: {
    ...(horizonDays !== undefined ? { horizonDays } : {}),
    ...(leadDays !== undefined ? { leadDays } : {}),
    ...(solverSeconds !== undefined ? { solverSeconds } : {}),
  },
  ...(maxConcurrency !== undefined ? { nightlyMaxConcurrency: maxConcurrency } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(cognitoDomainPrefix ? { cognitoDomainPrefix } : {}),
  // A fixed environment keeps synth offline; override with CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION when deploying.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT ?? '111111111111', region: process.env.CDK_DEFAULT_REGION ?? 'ap-east-1' },
});
