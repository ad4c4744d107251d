// The cloud shape: an HTTP API with a Cognito JWT authorizer in front of one Lambda per function folder, over one
// DynamoDB table whose keys and indexes are the ones shared/store/table.ts declares.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, CorsHttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { StringAttribute, UserPool, UserPoolClient, CfnUserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, Table, ProjectionType } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { FUNCTIONS, ROUTES, TABLE_ACTIONS } from '../functions/routes.ts';
import { GROUPS } from '../shared/auth/permissions.ts';
import { GSI1, PENDING_AUDIT_INDEX } from '../shared/store/table.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type RosterStackProps = StackProps & { stage: string };

export class RosterStack extends Stack {
  constructor(scope: Construct, id: string, props: RosterStackProps) {
    super(scope, id, props);
    const production = props.stage === 'prod';

    const table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: production,
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    table.addGlobalSecondaryIndex({
      indexName: GSI1,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    table.addGlobalSecondaryIndex({
      indexName: PENDING_AUDIT_INDEX,
      partitionKey: { name: 'pendingAudit', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });

    const userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      customAttributes: { stationId: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }) },
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const group of GROUPS) new CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: userPool.userPoolId, groupName: group });
    const client = new UserPoolClient(this, 'WebClient', { userPool, authFlows: { userSrp: true }, generateSecret: false });

    const api = new HttpApi(this, 'Api', {
      corsPreflight: { allowOrigins: ['*'], allowHeaders: ['authorization', 'content-type', 'if-match'], allowMethods: [CorsHttpMethod.ANY] },
    });
    const authorizer = new HttpJwtAuthorizer('Cognito', `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`, {
      jwtAudience: [client.userPoolClientId],
    });

    for (const name of FUNCTIONS) {
      const fn = new NodejsFunction(this, `Fn-${name}`, {
        entry: `${ROOT}functions/${name}/handler.ts`,
        handler: 'handler',
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: 1024,
        timeout: Duration.seconds(29),
        logGroup: new LogGroup(this, `Logs-${name}`, { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
        environment: { TABLE_NAME: table.tableName, NODE_OPTIONS: '--enable-source-maps' },
        bundling: {
          format: OutputFormat.ESM,
          externalModules: ['@aws-sdk/*'],
          sourceMap: true,
          minify: true,
          // ESM bundles still meet CommonJS dependencies that call require().
          banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        },
      });
      const actions = TABLE_ACTIONS[name];
      if (actions.length > 0)
        fn.addToRolePolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: [...actions], resources: [table.tableArn, `${table.tableArn}/index/*`] }),
        );
      const integration = new HttpLambdaIntegration(`Int-${name}`, fn);
      for (const route of ROUTES.filter((r) => r.function === name))
        api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.public ? {} : { authorizer }),
        });
    }

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
