// The synthesized template holds every part the deployment needs (README "Deploy"), with bundling skipped so that
// no esbuild runs, and without the slow cyclical-dependency validation.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FUNCTIONS, JOB_FUNCTIONS, JOB_TABLE_ACTIONS, ROUTES, TABLE_ACTIONS } from '../../functions/routes.ts';
import { RosterStack, workerTimeoutSeconds, type RosterStackProps } from '../../infra/stack.ts';
import { GROUPS } from '../../shared/auth/permissions.ts';
import { tableDefinition } from '../../shared/store/table.ts';
import { METRIC, METRICS_NAMESPACE } from '../../shared/telemetry.ts';

type Resource = { Type: string; Properties: Record<string, any>; [k: string]: unknown };

function synth(props: Partial<RosterStackProps> = {}): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new RosterStack(app, 'Test', { stage: 'test', webDist: null, env: { account: '111111111111', region: 'ap-east-1' }, ...props });
  return Template.fromStack(stack, { skipCyclicalDependenciesCheck: true });
}

let template: Template;
let resources: Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const only = (type: string): [string, Resource] => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
/** The logical id of a function folder's Lambda (`Fn-<name>` with the dashes dropped, plus CDK's hash). */
const functionId = (name: string): string => {
  const prefix = `Fn${name.replace(/-/g, '')}`;
  const ids = ofType('AWS::Lambda::Function').map(([id]) => id).filter((id) => new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id));
  expect(ids, name).toHaveLength(1);
  return ids[0]!;
};
const queueId = (prefix: string) => ofType('AWS::SQS::Queue').map(([id]) => id).find((id) => id.startsWith(prefix))!;

// Synthesis takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

beforeAll(() => {
  template = synth();
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 180_000);

describe('the HTTP API', () => {
  it('is an HTTP API with a JWT authorizer on the Cognito user pool', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const [, authorizer] = only('AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('cognito-idp');
    expect(authorizer.Properties.JwtConfiguration.Audience).toHaveLength(1);
  });

  it('has every route of functions/routes.ts, each behind the authorizer unless public', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of routes) {
      const spec = ROUTES.find((r) => `${r.method} ${r.path}` === route.RouteKey)!;
      expect(route.AuthorizationType, route.RouteKey).toBe(spec.public ? 'NONE' : 'JWT');
    }
    expect(routes.some((r) => String(r.RouteKey).includes('/dev/token'))).toBe(false);
  });

  it('has a user pool with custom:stationId, the groups of API.md and a client without secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'stationId', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'branchId', AttributeDataType: 'String', Mutable: true }),
      ]),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    expect(ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName).sort()).toEqual([...GROUPS].sort());
    // The web page signs in through the hosted UI (authorization code with PKCE: a public client, no secret, no
    // implicit flow) and comes back to the CloudFront address; refresh tokens renew its session.
    const [, client] = only('AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({ GenerateSecret: false, AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: ['COGNITO'] });
    expect(client.Properties.RefreshTokenValidity).toBeGreaterThan(60);
    expect(client.Properties.EnableTokenRevocation).toBe(true);
    expect(JSON.stringify(client.Properties.CallbackURLs)).toContain(only('AWS::CloudFront::Distribution')[0]);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'duty-roster-test-111111111111' });
  });
});

describe('the functions', () => {
  it('are one Node.js 22 arm64 function per function folder, API and nightly alike', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions).toHaveLength(FUNCTIONS.length + JOB_FUNCTIONS.length);
    for (const name of [...FUNCTIONS, ...JOB_FUNCTIONS]) {
      const fn = resources[functionId(name)]!.Properties;
      expect(fn.Runtime, name).toBe('nodejs22.x');
      expect(fn.Architectures, name).toEqual(['arm64']);
      expect(fn.Handler, name).toBe('index.handler');
      expect(fn.Environment.Variables.TABLE_NAME, name).toEqual({ Ref: only('AWS::DynamoDB::GlobalTable')[0] });
    }
  });

  it('may use only the table actions each one is listed with, and no wildcard action anywhere on the table', () => {
    const [tableId] = only('AWS::DynamoDB::GlobalTable');
    const policies = ofType('AWS::IAM::Policy').map(([, p]) => p.Properties);
    const statements = policies.flatMap((p) => p.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown; Effect: string }[]);
    for (const statement of statements) {
      const actions = [statement.Action].flat();
      expect(actions).not.toContain('*');
      expect(actions).not.toContain('dynamodb:*');
      if (JSON.stringify(statement.Resource).includes(tableId)) for (const action of actions) expect(action, action).toMatch(/^dynamodb:[A-Za-z]+$/);
    }
    const expected: Record<string, readonly string[]> = { ...TABLE_ACTIONS, ...JOB_TABLE_ACTIONS };
    for (const [name, actions] of Object.entries(expected)) {
      const role = resources[functionId(name)]!.Properties.Role['Fn::GetAtt'][0] as string;
      const granted = policies
        .filter((p) => (p.Roles as { Ref: string }[]).some((r) => r.Ref === role))
        .flatMap((p) => p.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((s) => JSON.stringify(s.Resource).includes(tableId))
        .flatMap((s) => [s.Action].flat());
      expect([...new Set(granted)].sort(), name).toEqual([...actions].sort());
    }
    // Nothing scans or deletes.
    expect(JSON.stringify(statements)).not.toMatch(/dynamodb:(Scan|BatchWriteItem)/);
    // Records are never deleted; the one delete is the stations function's, of a station's summary under the branch
    // it left when admin moves it to another (docs/branches.md).
    expect(Object.entries(expected).filter(([, actions]) => actions.includes('dynamodb:DeleteItem')).map(([name]) => name)).toEqual(['stations']);
  });
});

describe('the table', () => {
  it('is a TableV2 on demand with point-in-time recovery, deletion protection, TTL and both indexes', () => {
    const [, table] = only('AWS::DynamoDB::GlobalTable');
    const p = table.Properties;
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.Replicas).toHaveLength(1);
    expect(p.Replicas[0]).toMatchObject({ Region: 'ap-east-1', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true });
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(p.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const indexes = Object.fromEntries((p.GlobalSecondaryIndexes as { IndexName: string }[]).map((i) => [i.IndexName, i]));
    expect(indexes.gsi1).toMatchObject({
      KeySchema: [
        { AttributeName: 'gsi1pk', KeyType: 'HASH' },
        { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    expect(indexes['pending-audit']).toMatchObject({
      KeySchema: [
        { AttributeName: 'pendingAudit', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('has exactly the keys, attributes and indexes the store creates locally (the move to TableV2 changed none)', () => {
    const [, table] = only('AWS::DynamoDB::GlobalTable');
    const local = tableDefinition('roster');
    const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sortBy(table.Properties.AttributeDefinitions, (a: { AttributeName: string }) => a.AttributeName)).toEqual(sortBy(local.AttributeDefinitions!, (a) => a.AttributeName!));
    expect(table.Properties.KeySchema).toEqual(local.KeySchema);
    const deployed = (table.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown; Projection: unknown }[]).map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection }));
    expect(sortBy(deployed, (i) => i.IndexName)).toEqual(sortBy(local.GlobalSecondaryIndexes!, (i) => i.IndexName!));
  });

  it('keeps deletion protection on in every stage unless context turns it off', () => {
    const replica = (enabled: boolean) => ({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: enabled })] });
    for (const stage of ['dev', 'prod']) synth({ stage }).hasResourceProperties('AWS::DynamoDB::GlobalTable', replica(true));
    synth({ deletionProtection: false }).hasResourceProperties('AWS::DynamoDB::GlobalTable', replica(false));
  });
});

describe('the nightly job', () => {
  it('is a schedule at 02:00 Asia/Shanghai that invokes the dispatcher with the scheduled time', () => {
    const [, schedule] = only('AWS::Scheduler::Schedule');
    expect(schedule.Properties.ScheduleExpression).toBe('cron(0 2 * * ? *)');
    expect(schedule.Properties.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
    expect(schedule.Properties.State).toBe('ENABLED');
    expect(schedule.Properties.Target.Arn).toEqual({ 'Fn::GetAtt': [functionId('nightly-dispatch'), 'Arn'] });
    expect(JSON.parse(schedule.Properties.Target.Input)).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
    expect(schedule.Properties.Target.RetryPolicy.MaximumRetryAttempts).toBe(2);
  });

  it('takes its cron and time zone from the props (context)', () => {
    synth({ nightlyCron: '30 1 * * ? *', nightlyTimezone: 'Asia/Urumqi' }).hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 1 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Urumqi',
    });
  });

  it('has a dispatcher that may send to the queue, and a worker fed by it in batches with partial failures', () => {
    const queue = queueId('NightlyQueue');
    const dispatcher = resources[functionId('nightly-dispatch')]!.Properties;
    expect(dispatcher.Environment.Variables.NIGHTLY_QUEUE_URL).toEqual({ Ref: queue });
    const dispatcherRole = dispatcher.Role['Fn::GetAtt'][0];
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: dispatcherRole }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [queue, 'Arn'] } })]) },
    });

    const workerId = functionId('nightly-worker');
    const worker = resources[workerId]!.Properties;
    expect(worker.MemorySize).toBe(1769);
    expect(worker.Environment.Variables).toMatchObject({ NIGHTLY_HORIZON_DAYS: '28', NIGHTLY_LEAD_DAYS: '7', NIGHTLY_SOLVER_SECONDS: '2' });
    expect(Number(worker.Environment.Variables.NIGHTLY_LEASE_SECONDS)).toBeGreaterThan(worker.Timeout);
    const [, mapping] = only('AWS::Lambda::EventSourceMapping');
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [queue, 'Arn'] },
      FunctionName: { Ref: workerId },
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 100 },
    });
    expect(worker.Timeout).toBe(workerTimeoutSeconds(2));
  });

  it('parks a message in the dead-letter queue after three receives and alarms on it', () => {
    const queue = resources[queueId('NightlyQueue')]!.Properties;
    const deadLetters = queueId('NightlyDeadLetters');
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [deadLetters, 'Arn'] }, maxReceiveCount: 3 });
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * resources[functionId('nightly-worker')]!.Properties.Timeout);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetters, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
    });
  });

  it('alarms when a station\'s night fails (the worker\'s EMF metric) and when the worker itself fails', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: METRICS_NAMESPACE,
      MetricName: METRIC.nightlyStationsFailed,
      Dimensions: [{ Name: 'service', Value: 'nightly' }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId('nightly-worker') } }],
    });
    // The worker's metrics go to the namespace the alarm watches, under the service the alarm names.
    expect(resources[functionId('nightly-worker')]!.Properties.Environment.Variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'nightly', POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE });
  });

  it('sends every alarm to the stack\'s alarm topic, and the topic to an e-mail address when one is given', () => {
    const [topicId] = only('AWS::SNS::Topic');
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThanOrEqual(5);
    for (const [id, alarm] of alarms) expect(alarm.Properties.AlarmActions, id).toEqual([{ Ref: topicId }]);
    const withEmail = synth({ alarmEmail: 'duty@example.org' });
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'duty@example.org' });
  });
});

describe('the web page', () => {
  it('is a private bucket that refuses plain HTTP', () => {
    const [bucketId, bucket] = only('AWS::S3::Bucket');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('is served by CloudFront through origin access control', () => {
    const [oacId, oac] = only('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    const [distributionId, distribution] = only('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Origins).toHaveLength(1);
    expect(config.Origins[0].OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(config.Origins[0].S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    // Only this distribution may read the bucket.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } } }),
        ]),
      },
    });
    expect(JSON.stringify(template.toJSON().Resources)).toContain(distributionId);
  });

  it('deploys nothing while web/dist is missing', () => {
    expect(ofType('Custom::CDKBucketDeployment')).toHaveLength(0);
  });

  it('deploys the built page and a config.json with the API address once it exists', () => {
    const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>roster</title>');
    const withPage = synth({ webDist: dist });
    const deployments = withPage.findResources('Custom::CDKBucketDeployment');
    expect(Object.keys(deployments)).toHaveLength(1);
    const deployment = Object.values(deployments)[0] as Resource;
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    expect(deployment.Properties.DistributionPaths).toEqual(['/*']);
    // config.json: the API's endpoint, the user pool and its client, filled in at deploy time.
    const markers = Object.values((deployment.Properties.SourceMarkers as Record<string, unknown>[])[1]!).map((v) => JSON.stringify(v));
    const api = Object.keys(withPage.findResources('AWS::ApiGatewayV2::Api'))[0]!;
    expect(markers).toContain(JSON.stringify({ 'Fn::GetAtt': [api, 'ApiEndpoint'] }));
    expect(markers).toContain(JSON.stringify({ Ref: Object.keys(withPage.findResources('AWS::Cognito::UserPool'))[0] }));
    expect(markers).toContain(JSON.stringify({ Ref: Object.keys(withPage.findResources('AWS::Cognito::UserPoolClient'))[0] }));
    expect(markers).toContain(JSON.stringify({ Ref: Object.keys(withPage.findResources('AWS::Cognito::UserPoolDomain'))[0] }));
  });
});

describe('the API stage', () => {
  it('is throttled', () => {
    const [, stage] = only('AWS::ApiGatewayV2::Stage');
    expect(stage.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } });
    synth({ apiThrottle: { rateLimit: 5, burstLimit: 10 } }).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
  });

  it('writes an access log line per request with the request id the functions answer as x-request-id', () => {
    const [, stage] = only('AWS::ApiGatewayV2::Stage');
    const logGroup = ofType('AWS::Logs::LogGroup').find(([id]) => id.startsWith('ApiAccessLogs'));
    expect(logGroup).toBeDefined();
    expect(stage.Properties.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [logGroup![0], 'Arn'] });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    expect(logGroup![1].Properties.RetentionInDays).toBe(30);
  });

  it('allows cross-origin calls from the web page\'s origin only, and exposes the request id', () => {
    const [, api] = only('AWS::ApiGatewayV2::Api');
    const cors = api.Properties.CorsConfiguration;
    expect(cors.AllowOrigins).toHaveLength(1);
    expect(JSON.stringify(cors.AllowOrigins)).not.toContain('*');
    expect(cors.AllowOrigins[0]).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [only('AWS::CloudFront::Distribution')[0], 'DomainName'] }]] });
    expect(cors.ExposeHeaders).toContain('x-request-id');
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type', 'if-match']));
  });

  it('alarms on 5xx answers', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: only('AWS::ApiGatewayV2::Api')[0] } }],
      Statistic: 'Sum',
      Threshold: 1,
    });
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('finds nothing that is not acknowledged, with a reason, in infra/nag.ts (page deployed, so every part is checked)', () => {
    const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>roster</title>');
    const outdir = mkdtempSync(join(tmpdir(), 'nag-'));
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, outdir });
    const stack = new RosterStack(app, 'Nag', { stage: 'test', webDist: dist, env: { account: '111111111111', region: 'ap-east-1' } });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // cdk-nag reports through CDK's policy validation: synth throws on any finding left unacknowledged.
    let failure: unknown;
    try {
      app.synth();
    } catch (error) {
      failure = error;
    }
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: { ruleName: string; violatingResources?: { resourceLogicalId?: string }[] }[] }[];
    };
    const open = report.pluginReports.flatMap((r) => r.violations.map((v) => `${v.ruleName} ${JSON.stringify(v.violatingResources ?? [])}`));
    expect(open).toEqual([]);
    expect(failure).toBeUndefined();
    // Every acknowledgement carries a reason of some substance.
    const acknowledged = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((m) => Object.entries(m.data as Record<string, string>)));
    expect(acknowledged.length).toBeGreaterThan(10);
    for (const [id, reason] of acknowledged) {
      expect(id).toMatch(/AwsSolutions-/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });
});

describe('the outputs', () => {
  it('name the API URL, the web URL, the user pool and its client', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    for (const name of ['ApiUrl', 'WebUrl', 'SignInUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'NightlyQueueUrl', 'NightlyDeadLetterQueueUrl']) expect(outputs, name).toHaveProperty(name);
    expect(JSON.stringify(outputs.WebUrl!.Value)).toContain('DomainName');
  });
});
