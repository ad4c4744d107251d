// The CDK app: `npx cdk synth` / `npx cdk deploy`. Stage from context (`-c stage=prod`), default `dev`.
import { App } from 'aws-cdk-lib';
import { RosterStack } from './stack.ts';

const app = new App();
const stage = String(app.node.tryGetContext('stage') ?? 'dev');
new RosterStack(app, `DutyRoster-${stage}`, {
  stage,
  // A fixed environment keeps synth offline; override with CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION when deploying.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT ?? '111111111111', region: process.env.CDK_DEFAULT_REGION ?? 'ap-east-1' },
});
