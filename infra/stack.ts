// The cloud shape: an HTTP API with a Cognito JWT authorizer in front of one Lambda per function folder, over one
// DynamoDB table whose keys and indexes are the ones shared/store/table.ts declares; the nightly job (an EventBridge
// Scheduler cron → dispatch function → SQS, one message per station → worker function, with a dead-letter queue and
// an alarm on it); the web page (a private S3 bucket behind CloudFront with origin access control); and what an
// operator needs: API access logs and throttling, alarms to one topic, and cdk-nag's AwsSolutions checks with every
// suppression and its reason written here (infra/nag.ts).
import { existsSync } from 'node:fs';
import { CfnOutput, Duration, RemovalPolicy, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AllowedMethods, CachePolicy, Distribution, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Alarm, ComparisonOperator, type IMetric, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { CfnUserPoolGroup, Mfa, OAuthScope, StringAttribute, UserPool, UserPoolClient, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, ProjectionType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { FUNCTIONS, JOB_TABLE_ACTIONS, ROUTES, TABLE_ACTIONS } from '../functions/routes.ts';
import { GROUPS } from '../shared/auth/permissions.ts';
import { nightlyEnvironment, nightlyOptions, type NightlyOptions } from '../shared/nightly/options.ts';
import { GSI1, PENDING_AUDIT_INDEX } from '../shared/store/table.ts';
import { MAX_JOB_SECONDS } from '../shared/domain/plan.ts';
import { STALE_AFTER_SECONDS } from '../shared/planning/jobs.ts';
import { METRIC, METRICS_NAMESPACE } from '../shared/telemetry.ts';
import { acknowledgeNagFindings } from './nag.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULT_NIGHTLY_CRON = 'cron(0 2 * * ? *)';
export const DEFAULT_NIGHTLY_TIMEZONE = 'Asia/Shanghai';
/** Stations per worker invocation. */
export const NIGHTLY_BATCH_SIZE = 5;
/** SQS receives before a station's message is parked in the dead-letter queue. */
export const NIGHTLY_MAX_RECEIVE_COUNT = 3;
/** 1,769 MB is one full vCPU: the solver is single-threaded and CPU-bound. */
export const NIGHTLY_WORKER_MEMORY_MB = 1769;

/** The plan worker: one full vCPU for the solver thread, and room for the longest job budget plus reading and writing. */
export const PLAN_WORKER_MEMORY_MB = 1769;
export const PLAN_WORKER_TIMEOUT_SECONDS = MAX_JOB_SECONDS + 240;

/** Room for a whole batch at three times the solver budget plus the store's reads and writes; at least two minutes. */
export const workerTimeoutSeconds = (solverSeconds: number): number => Math.max(120, Math.ceil(NIGHTLY_BATCH_SIZE * (solverSeconds * 3 + 10)));

export type RosterStackProps = StackProps & {
  stage: string;
  /** Table deletion protection; default on in every stage. */
  deletionProtection?: boolean;
  /** EventBridge Scheduler expression, `cron(...)` (or the six fields alone); default 02:00 every day. */
  nightlyCron?: string;
  /** IANA zone the cron is read in; default Asia/Shanghai. */
  nightlyTimezone?: string;
  /** Horizon, lead time and solver budget of the nightly worker (shared/nightly/options.ts). */
  nightly?: Partial<Pick<NightlyOptions, 'horizonDays' | 'leadDays' | 'solverSeconds'>>;
  /** Most worker invocations at once (the SQS event source's maximum concurrency); default 100. */
  nightlyMaxConcurrency?: number;
  /** Where the alarms' topic sends an e-mail; none by default (subscribe to the topic later). */
  alarmEmail?: string;
  /** API stage throttling, requests per second (steady) and burst; default 50 and 100. */
  apiThrottle?: { rateLimit: number; burstLimit: number };
  /** The Cognito hosted UI's domain prefix (unique in the region); default `duty-roster-<stage>-<account>`. */
  cognitoDomainPrefix?: string;
  /** The built web page; default web/dist. No deployment when the folder does not exist (or null). */
  webDist?: string | null;
};

export class RosterStack extends Stack {
  constructor(scope: Construct, id: string, props: RosterStackProps) {
    super(scope, id, props);
    const deletionProtection = props.deletionProtection ?? true;
    const keep = deletionProtection || props.stage === 'prod';

    // TableV2 (AWS::DynamoDB::GlobalTable, one replica here) with the keys and indexes of shared/store/table.ts; a
    // stack deployed with the older Table construct moves over by import, not replacement (docs/operations.md).
    const table = new TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection,
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: [
        {
          indexName: GSI1,
          partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
          sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
          projectionType: ProjectionType.ALL,
        },
        {
          indexName: PENDING_AUDIT_INDEX,
          partitionKey: { name: 'pendingAudit', type: AttributeType.STRING },
          sortKey: { name: 'sk', type: AttributeType.STRING },
          projectionType: ProjectionType.KEYS_ONLY,
        },
      ],
    });
    // The indexes by name: no wildcard in any function's policy.
    const tableResources = [table.tableArn, ...[GSI1, PENDING_AUDIT_INDEX].map((index) => `${table.tableArn}/index/${index}`)];

    const userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      // A roster names people and their whereabouts: a second factor (an authenticator app) for everyone.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      customAttributes: {
        stationId: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
        // The branch a `branch` user acts for (API.md, Auth): they act only on that branch's stations.
        branchId: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
      },
      removalPolicy: props.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const group of GROUPS) new CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: userPool.userPoolId, groupName: group });

    // ---- the web page: private bucket, CloudFront with origin access control (the page's sign-in needs its address) ----
    const site = new Bucket(this, 'WebBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const origin = S3BucketOrigin.withOriginAccessControl(site);
    const distribution = new Distribution(this, 'WebDistribution', {
      comment: `Duty roster planner web page (${props.stage})`,
      defaultRootObject: 'index.html',
      defaultBehavior: { origin, viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS, cachePolicy: CachePolicy.CACHING_OPTIMIZED },
      additionalBehaviors: {
        // The page reads where the API is at start; never serve a stale one after a deploy.
        '/config.json': { origin, viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS, cachePolicy: CachePolicy.CACHING_DISABLED, allowedMethods: AllowedMethods.ALLOW_GET_HEAD },
      },
    });
    const webUrl = `https://${distribution.distributionDomainName}`;

    // The page signs in through the Cognito hosted UI with the authorization code flow and PKCE (web/src/auth/; it
    // sends the ID token, which carries cognito:groups, custom:stationId and custom:branchId) and comes back to its
    // own address.
    const domain = userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.cognitoDomainPrefix ?? `duty-roster-${props.stage}-${this.account}`.toLowerCase() },
    });
    const client = new UserPoolClient(this, 'WebClient', {
      userPool,
      authFlows: { userSrp: true },
      generateSecret: false,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      // Refresh tokens let the page renew its tokens before they expire (an hour) without a new sign-in.
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${webUrl}/`, `${webUrl}/index.html`],
        logoutUrls: [`${webUrl}/`],
      },
    });

    const api = new HttpApi(this, 'Api', {
      // Only the page's own origin may call the API from a browser; the page reads the request id and versions.
      corsPreflight: {
        allowOrigins: [webUrl],
        allowHeaders: ['authorization', 'content-type', 'if-match', 'accept-language'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.PUT, CorsHttpMethod.POST],
        exposeHeaders: ['x-request-id', 'etag', 'location', 'content-disposition'],
        maxAge: Duration.hours(1),
      },
      createDefaultStage: false,
    });
    // The stage: throttled, and an access log line per request whose requestId is the x-request-id the function
    // answers with and logs as correlation_id, so one id finds the request in both logs.
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    new HttpStage(this, 'ApiStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.apiThrottle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.cognito:username',
          }),
        ),
      },
    });
    const authorizer = new HttpJwtAuthorizer('Cognito', `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`, {
      jwtAudience: [client.userPoolClientId],
    });

    /** One function folder: Node.js 22 on arm64, an ESM bundle without the SDK, only the table actions it uses. */
    const lambda = (
      name: string,
      actions: readonly string[],
      options: { memorySize?: number; timeout?: Duration; environment?: Record<string, string>; retryAttempts?: number; maxEventAge?: Duration } = {},
    ) => {
      const fn = new NodejsFunction(this, `Fn-${name}`, {
        entry: `${ROOT}functions/${name}/handler.ts`,
        handler: 'handler',
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: options.memorySize ?? 1024,
        timeout: options.timeout ?? Duration.seconds(29),
        ...(options.retryAttempts !== undefined ? { retryAttempts: options.retryAttempts } : {}),
        ...(options.maxEventAge !== undefined ? { maxEventAge: options.maxEventAge } : {}),
        logGroup: new LogGroup(this, `Logs-${name}`, { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
        environment: {
          TABLE_NAME: table.tableName,
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: 'duty-roster',
          POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
          ...(options.environment ?? {}),
        },
        bundling: {
          format: OutputFormat.ESM,
          externalModules: ['@aws-sdk/*'],
          sourceMap: true,
          minify: true,
          // ESM bundles still meet CommonJS dependencies that call require().
          banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        },
      });
      if (actions.length > 0)
        fn.addToRolePolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: [...actions], resources: tableResources }),
        );
      return fn;
    };

    // ---- planning jobs (docs/planning-jobs.md): the plans function invokes the plan worker asynchronously ----
    const planWorker = lambda('plan-worker', JOB_TABLE_ACTIONS['plan-worker'], {
      memorySize: PLAN_WORKER_MEMORY_MB,
      timeout: Duration.seconds(PLAN_WORKER_TIMEOUT_SECONDS),
      environment: { POWERTOOLS_SERVICE_NAME: 'plan-worker' },
      // A retried job would find its item claimed and do nothing; a job that failed is marked failed by itself.
      retryAttempts: 0,
      // A job waiting longer than this would be reported stale by then (STALE_AFTER_SECONDS): drop it.
      maxEventAge: Duration.seconds(STALE_AFTER_SECONDS),
    });

    const functions: NodejsFunction[] = [];
    const publicRoutes: { key: string; route: Construct }[] = [];
    for (const name of FUNCTIONS) {
      const fn = lambda(name, TABLE_ACTIONS[name], name === 'plans' ? { environment: { PLAN_WORKER_FUNCTION: planWorker.functionName } } : {});
      if (name === 'plans') planWorker.grantInvoke(fn);
      functions.push(fn);
      const integration = new HttpLambdaIntegration(`Int-${name}`, fn);
      for (const route of ROUTES.filter((r) => r.function === name)) {
        const [added] = api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.public ? {} : { authorizer }),
        });
        if (route.public && added) publicRoutes.push({ key: `${route.method} ${route.path}`, route: added });
      }
    }

    // ---- the nightly job: schedule → dispatcher → queue (one message per station) → worker; DLQ + alarm ----
    const settings = nightlyOptions(props.nightly ?? {}, {});
    const timeoutSeconds = workerTimeoutSeconds(settings.solverSeconds);
    const deadLetters = new Queue(this, 'NightlyDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const queue = new Queue(this, 'NightlyQueue', {
      // Six times the worker's timeout, as AWS advises for Lambda event sources.
      visibilityTimeout: Duration.seconds(timeoutSeconds * 6),
      retentionPeriod: Duration.days(1),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: NIGHTLY_MAX_RECEIVE_COUNT },
    });

    const dispatcher = lambda('nightly-dispatch', JOB_TABLE_ACTIONS['nightly-dispatch'], {
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment: { NIGHTLY_QUEUE_URL: queue.queueUrl, POWERTOOLS_SERVICE_NAME: 'nightly' },
      retryAttempts: 2,
    });
    queue.grantSendMessages(dispatcher);

    const worker = lambda('nightly-worker', JOB_TABLE_ACTIONS['nightly-worker'], {
      memorySize: NIGHTLY_WORKER_MEMORY_MB,
      timeout: Duration.seconds(timeoutSeconds),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'nightly',
        ...nightlyEnvironment({
          horizonDays: settings.horizonDays,
          leadDays: settings.leadDays,
          solverSeconds: settings.solverSeconds,
          // A live worker never loses its lease: the lease outlasts the function's timeout.
          leaseSeconds: timeoutSeconds + 30,
        }),
      },
    });
    worker.addEventSource(
      new SqsEventSource(queue, {
        batchSize: NIGHTLY_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: props.nightlyMaxConcurrency ?? 100,
      }),
    );

    const cron = props.nightlyCron ?? DEFAULT_NIGHTLY_CRON;
    new Schedule(this, 'NightlySchedule', {
      description: `Nightly roster roll-forward (${props.stage})`,
      schedule: ScheduleExpression.expression(cron.startsWith('cron(') ? cron : `cron(${cron})`, TimeZone.of(props.nightlyTimezone ?? DEFAULT_NIGHTLY_TIMEZONE)),
      target: new LambdaInvoke(dispatcher, {
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      }),
    });

    // One topic for every alarm; an e-mail subscription when `alarmEmail` is given (others can subscribe later).
    const alarmTopic = new Topic(this, 'Alarms', { displayName: `Duty roster alarms (${props.stage})`, enforceSSL: true });
    if (props.alarmEmail) alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const nightlyMetric = (metricName: string) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: 'nightly' }, statistic: 'Sum', period: Duration.minutes(5) });
    // Every alarm fires on the first occurrence in five minutes and stays quiet without data, and tells the topic.
    const alarmOnAny = (id: string, alarmDescription: string, metric: IMetric): void => {
      const alarm = new Alarm(this, id, {
        alarmDescription,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new SnsAction(alarmTopic));
    };
    alarmOnAny(
      'NightlyStationFailuresAlarm',
      'A station\'s nightly roster failed (it is retried; three failures park it in the dead-letter queue). See the worker\'s "night failed" log line.',
      nightlyMetric(METRIC.nightlyStationsFailed),
    );
    alarmOnAny(
      'NightlyWorkerErrorsAlarm',
      'The nightly worker function itself failed (crash or timeout), not one station.',
      worker.metricErrors({ period: Duration.minutes(5) }),
    );
    alarmOnAny(
      'ApiServerErrorsAlarm',
      'The API answered 5xx: a 500 is a fault to look up by its request id; 503 means the table throttled.',
      api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
    );
    alarmOnAny(
      'NightlyDeadLettersAlarm',
      'A station failed its nightly roster three times; its message is in the dead-letter queue.',
      deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    );
    alarmOnAny(
      'NightlyDispatchErrorsAlarm',
      'The nightly dispatcher failed: some stations may not have been enqueued.',
      dispatcher.metricErrors({ period: Duration.minutes(5) }),
    );

    // ---- the page's files, and config.json (web/src/api.ts SiteConfig) with the API's address and the sign-in ----
    const webDist = props.webDist === undefined ? `${ROOT}web/dist` : props.webDist;
    if (webDist && existsSync(webDist))
      new BucketDeployment(this, 'WebDeployment', {
        destinationBucket: site,
        sources: [
          // The built page's own config.json is the local one; the stack writes the cloud's.
          Source.asset(webDist, { exclude: ['config.json'] }),
          Source.jsonData('config.json', {
            apiUrl: api.apiEndpoint,
            userPoolId: userPool.userPoolId,
            clientId: client.userPoolClientId,
            cognitoDomain: domain.baseUrl(),
          }),
        ],
        distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'WebUrl', { value: webUrl });
    new CfnOutput(this, 'SignInUrl', { value: domain.baseUrl() });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'NightlyQueueUrl', { value: queue.queueUrl });
    new CfnOutput(this, 'NightlyDeadLetterQueueUrl', { value: deadLetters.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });

    acknowledgeNagFindings(this, { functions: [...functions, dispatcher, worker, planWorker], webBucket: site, distribution, userPool, publicRoutes, dispatcher, planWorker });
  }
}
