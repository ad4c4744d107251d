// cdk-nag's AwsSolutions findings this stack accepts, each with the reason it is accepted. The infra test runs the
// checks (test/infra/stack.test.ts) and fails on any finding not acknowledged here, so a new finding is either fixed
// or argued for in this file.
import { type CfnElement, type Stack, Validations } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

const acknowledge = (construct: IConstruct, id: string, reason: string) => Validations.of(construct).acknowledge({ id, reason });

/** Why each route without the JWT authorizer is open. */
const PUBLIC_ROUTE_REASONS: Readonly<Record<string, string>> = {
  'GET /health': 'The liveness check: it reads nothing and answers {"ok": true}.',
  'GET /openapi.json': 'The public API reference (OpenAPI document): it describes the routes and holds no station data.',
  'GET /docs': 'The public API reference page: generated from the OpenAPI document, no station data.',
  'GET /feeds/{feed}': "A person's calendar subscription: calendar apps cannot send a token, so the unguessable secret in the path is the credential (stored only as a hash, revocable; an unknown secret answers 404).",
};

export type NagParts = {
  functions: LambdaFunction[];
  webBucket: Bucket;
  distribution: Distribution;
  userPool: UserPool;
  /** Routes without the authorizer (GET /health). */
  publicRoutes: { key: string; route: IConstruct }[];
  dispatcher: LambdaFunction;
};

export function acknowledgeNagFindings(stack: Stack, parts: NagParts): void {
  const { functions, webBucket, distribution, userPool, publicRoutes, dispatcher } = parts;
  const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

  for (const { key, route } of publicRoutes) {
    const reason = PUBLIC_ROUTE_REASONS[key];
    // A new public route without its reason fails synth: every route without the authorizer is a decision.
    if (!reason) throw new Error(`${key} has no authorizer and no reason in infra/nag.ts (PUBLIC_ROUTE_REASONS)`);
    acknowledge(route, 'AwsSolutions-APIG4', reason);
  }
  acknowledge(
    userPool,
    'AwsSolutions-COG8',
    'The Essentials feature plan: threat protection (Plus) is billed per active user; every user is created by an administrator (no self sign-up) and must use an authenticator app (MFA required).',
  );
  acknowledge(webBucket, 'AwsSolutions-S1', 'The bucket holds only the built web page, read by CloudFront alone (origin access control); reads of people\'s data go through the API, which has access logs.');
  acknowledge(distribution, 'AwsSolutions-CFR1', 'The page is static files with no data in them; who may see a roster is decided by the API, not by the country a request comes from.');
  acknowledge(distribution, 'AwsSolutions-CFR2', 'The page is static files; the API behind it is authenticated, throttled per stage and access-logged. Add a WAF web ACL when a custom domain is added.');
  acknowledge(distribution, 'AwsSolutions-CFR3', 'Static page files only, with no personal data in the requests; the API access log records every data request.');
  acknowledge(
    distribution,
    'AwsSolutions-CFR4',
    'No custom domain yet: the default *.cloudfront.net certificate does not let the distribution set a minimum TLS version. Set TLSv1.2_2021 together with a custom domain and its certificate.',
  );
  for (const fn of functions) {
    acknowledge(
      fn,
      'AwsSolutions-L1',
      'Node.js 22 is a supported Lambda LTS runtime; the code and its dependencies are tested on Node 20 and 22 here. Moving to Node 24 is a deliberate, tested step.',
    );
    acknowledge(
      fn,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'The AWS-maintained basic execution policy grants only writing the function\'s logs; every table permission is a separate, listed statement without wildcards.',
    );
  }
  acknowledge(
    stack,
    `AwsSolutions-IAM5[Resource::<${logicalId(dispatcher)}.Arn>:*]`,
    'Made by the scheduler target (CDK): the schedule may invoke the dispatcher function and its versions, nothing else.',
  );

  // The CDK-provided function that copies web/dist into the bucket (BucketDeployment), when the page is deployed.
  const copier = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (copier) {
    const reason = 'CDK\'s BucketDeployment provider (copies the built page into its bucket at deploy time): its runtime and policy are maintained by the CDK and scoped to the asset bucket and the web bucket.';
    acknowledge(copier, 'AwsSolutions-L1', reason);
    acknowledge(copier, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason);
    for (const finding of [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
      `Resource::<${logicalId(webBucket)}.Arn>/*`,
      'Resource::*',
    ])
      acknowledge(copier, `AwsSolutions-IAM5[${finding}]`, reason);
  }
}
