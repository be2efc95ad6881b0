// Every Lambda default in one place: Node 24 on arm64, an ESM bundle built by local esbuild (or code built already, as
// the site's), JSON logs kept a month, and an alarm on its errors and throttles.
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Token, Validations, type CfnElement } from 'aws-cdk-lib';
import { Effect, ManagedPolicy, PolicyStatement, Role, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Function as LambdaFunction, LoggingFormat, Runtime, type Code, type ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { functionDefaults, tableStatement } from '@collective-actions/functions/function-definitions.ts';
import type { Alarms } from './alarms.ts';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

interface CommonProps {
  description: string;
  /** Where its failures are told; none for Cognito's trigger, whose failure the person signing in meets at once. */
  alarms?: Alarms;
  environment?: Record<string, string>;
  memorySize?: number;
  timeoutSeconds?: number;
  /** A role it shares with functions that may do exactly as much (`routeRole`); a role of its own when absent. */
  role?: IRole;
  /** A log group it shares with functions of its kind; one of its own when absent. */
  logGroup?: ILogGroup;
}

/** A handler module bundled from the repository, or code built already with its own handler and layers. */
export type PlatformFunctionProps = CommonProps &
  ({ /** The handler module, relative to the repository root. */ entry: string } | { code: Code; handler: string; layers?: ILayerVersion[] });

/** Reviewed cdk-nag findings that every function of the platform shares. */
export const basicExecutionRole = {
  id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  reason: "AWS's basic execution policy only lets a function write its own CloudWatch logs, the least any function needs.",
};

/** How cdk-nag names a value in a finding: itself when known at synth time, else the pseudo parameter. */
export const nagName = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<${pseudo}>` : value);

/** How cdk-nag names a resource's ARN in a finding. */
export const nagArn = (resource: Construct) => `<${Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>`;

export class PlatformFunction extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    super(scope, id);
    const defaults = {
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? functionDefaults.memorySize,
      timeout: Duration.seconds(props.timeoutSeconds ?? functionDefaults.timeoutSeconds),
      loggingFormat: LoggingFormat.JSON,
      logGroup: props.logGroup ?? logGroupKeptAMonth(this, 'Logs'),
    };
    this.function =
      'entry' in props
        ? new NodejsFunction(this, 'Function', {
            ...defaults,
            entry: `${repositoryRoot}${props.entry}`,
            projectRoot: repositoryRoot,
            depsLockFilePath: `${repositoryRoot}package-lock.json`,
            environment: props.environment,
            role: props.role,
            bundling: {
              format: OutputFormat.ESM,
              target: 'node24',
              minify: true,
              // Shipped beside the bundle, and read by the logger on the first error it logs (http/logger.ts): Node's
              // --enable-source-maps would read it at every cold start.
              sourceMap: true,
              sourcesContent: false,
              mainFields: ['module', 'main'],
              // Everything bundled and tree-shaken but the S3 client, which only the open-data builder loads, on use, from
              // the runtime's copy of the SDK (the functions reach DynamoDB through data/client.ts, not the SDK).
              externalModules: ['@aws-sdk/client-s3'],
              esbuildArgs: { '--alias': `node:http=${repositoryRoot}infra/lib/bundling/node-http.ts` },
              // CommonJS dependencies inside an ES module bundle still call require().
              banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
            },
          })
        : new LambdaFunction(this, 'Function', { ...defaults, code: props.code, handler: props.handler, layers: props.layers, environment: props.environment, role: props.role });
    Validations.of(this).acknowledge(basicExecutionRole);
    props.alarms?.addFunction(id, this.function);
  }

  /** Lets the function read, or read and write, the table and its indexes, each named: nothing more. */
  bindTable(table: ITableV2, access: 'read' | 'write'): void {
    this.function.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, ...tableStatement(access, table.tableArn) }));
  }
}

/**
 * A log group kept a month, as every log of the platform: a function's own, or one that many functions share. In a
 * shared one, Lambda names each function's streams after it, and the logger's lines carry its name too; the route
 * functions share one, which keeps the stack within CloudFormation's 500 resources.
 */
export function logGroupKeptAMonth(scope: Construct, id: string): LogGroup {
  return new LogGroup(scope, id, { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
}

/**
 * A role for functions that may do the same with the table (nothing, read, or read and write), and write their logs:
 * the route functions share one per kind of access, which keeps each to what its route needs while the stack stays
 * within CloudFormation's 500 resources.
 */
export function sharedRole(scope: Construct, id: string, access: 'none' | 'read' | 'write', table: ITableV2): Role {
  const role = new Role(scope, id, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Functions with ${access === 'none' ? 'no' : access === 'read' ? 'read' : 'read and write'} access to the table`,
    managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
  });
  if (access !== 'none') role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, ...tableStatement(access, table.tableArn) }));
  Validations.of(role).acknowledge(basicExecutionRole);
  return role;
}
