// Every Lambda default in one place: Node 24 on arm64, an ESM bundle built by local esbuild, JSON logs kept a month.
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { tableDefinition } from '@collective-actions/functions/data/table.ts';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface PlatformFunctionProps {
  /** The handler module, relative to the repository root. */
  entry: string;
  description: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

// Exactly the calls the repository makes; in particular no Scan.
const tableActions: Record<'read' | 'write', string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
  ],
};

/** Reviewed cdk-nag findings that every function of the platform shares. */
export const basicExecutionRole = {
  id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  reason: "AWS's basic execution policy only lets a function write its own CloudWatch logs, the least any function needs.",
};

export class PlatformFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    super(scope, id);
    this.function = new NodejsFunction(this, 'Function', {
      entry: `${repositoryRoot}${props.entry}`,
      projectRoot: repositoryRoot,
      depsLockFilePath: `${repositoryRoot}package-lock.json`,
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      loggingFormat: LoggingFormat.JSON,
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        // CommonJS dependencies inside an ES module bundle still call require().
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    Validations.of(this).acknowledge(basicExecutionRole);
  }

  /** Lets the function read, or read and write, the table and its indexes, each named: nothing more. */
  bindTable(table: ITableV2, access: 'read' | 'write'): void {
    const indexes = tableDefinition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
    this.function.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: tableActions[access], resources: [table.tableArn, ...indexes] }),
    );
    this.function.addEnvironment('TABLE_NAME', table.tableName);
  }
}
