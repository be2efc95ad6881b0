// The route functions as `cdk deploy` ships them, read from the synthesized app in infra/cdk.out (synthesized again
// when the sources changed): each route's own bundle, with the environment, memory, timeout and IAM policy the
// template gives its function. Only the addresses of what the functions reach are this machine's.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import type { Deployment } from '../function-definitions.ts';
import { localTableArn, type PolicyStatement } from './dynamodb-with-iam.ts';
import { localAccount, localRegion } from './local-aws.ts';
import type { LocalFunction } from './lambda-service.ts';

const repositoryRoot = join(import.meta.dirname, '../../..');
const cdkOut = join(repositoryRoot, 'infra/cdk.out');
// What the functions' bundles and the templates are made of.
const sources = ['functions/src', 'shared/src', 'infra/lib', 'infra/bin', 'cdk.json', 'package-lock.json'];

function newest(path: string): number {
  const found = statSync(path);
  if (!found.isDirectory()) return path.endsWith('.test.ts') ? 0 : found.mtimeMs;
  return Math.max(found.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** Synthesizes the app unless infra/cdk.out is newer than every source it is made of. */
function synthesized(log: (line: string) => void): void {
  const manifest = join(cdkOut, 'manifest.json');
  const built = statSync(manifest, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > Math.max(...sources.map((source) => newest(join(repositoryRoot, source))))) return;
  log('Synthesizing the AWS app (cdk synth), as its sources changed since infra/cdk.out was made: a minute or so…');
  const synth = spawnSync(process.execPath, [join(repositoryRoot, 'node_modules/aws-cdk/bin/cdk'), 'synth', '--quiet', '--no-notices'], {
    cwd: repositoryRoot,
    // cdk.json runs the app with `node`: this one. The local AWS settings stay out, so that the template is the one
    // `npm run synth` makes (the CLI takes AWS_REGION for the stacks' region).
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_'))),
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (synth.status !== 0) throw new Error(`cdk synth failed:\n${synth.stdout}${synth.stderr}`);
}

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, string>;
}
interface Template {
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: unknown }>;
}

/** A synthesized app and the deployment whose local stand-ins its values resolve to. */
interface Assembly {
  directory: string;
  deployment: Deployment;
  templates: Map<string, Template>;
}

const template = (assembly: Assembly, stackName: string): Template => {
  if (!assembly.templates.has(stackName)) {
    assembly.templates.set(stackName, JSON.parse(readFileSync(join(assembly.directory, `${stackName}.template.json`), 'utf8')));
  }
  return assembly.templates.get(stackName)!;
};

// Hosts that stand for the deployment's own resources while values are resolved; `addresses` then makes them local.
const distributionHost = 'distribution.local.invalid';
const userPoolId = 'local-user-pool';

/** What a resource's Ref or attribute is on this machine. */
function standIn(type: string, attribute: string, logicalId: string, deployment: Deployment): string {
  const table = deployment.tableName;
  const values: Record<string, Record<string, string>> = {
    'AWS::DynamoDB::GlobalTable': { Ref: table, Arn: localTableArn(table), StreamArn: `${localTableArn(table)}/stream/local` },
    'AWS::CloudFront::Distribution': { DomainName: distributionHost },
    'AWS::Cognito::UserPool': { Ref: userPoolId },
    'AWS::Cognito::UserPoolClient': { Ref: deployment.audience.join(',') },
    'AWS::S3::Bucket': { Ref: logicalId.toLowerCase(), Arn: `arn:aws:s3:::${logicalId.toLowerCase()}` },
    'AWS::Lambda::Function': { Ref: logicalId, Arn: `arn:aws:lambda:${localRegion}:${localAccount}:function:${logicalId}` },
    'AWS::IAM::Role': { Ref: logicalId, Arn: `arn:aws:iam::${localAccount}:role/${logicalId}` },
  };
  const value = values[type]?.[attribute];
  if (value === undefined) throw new Error(`The local platform has no stand-in for ${attribute} of ${type} (${logicalId})`);
  return value;
}

const pseudo: Record<string, string> = { 'AWS::Region': localRegion, 'AWS::AccountId': localAccount, 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };

/** CloudFormation's intrinsic functions, as far as the functions' environment and policies use them. */
function resolve(value: unknown, stackName: string, assembly: Assembly): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const [name, argument] = Object.entries(value as object)[0] as [string, never];
  const own = template(assembly, stackName).Resources;
  const { deployment } = assembly;
  switch (name) {
    case 'Ref':
      return pseudo[argument] ?? standIn(own[argument].Type, 'Ref', argument, deployment);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = argument as [string, string];
      return standIn(own[logicalId].Type, attribute, logicalId, deployment);
    }
    case 'Fn::Join': {
      const [separator, parts] = argument as [string, unknown[]];
      return parts.map((part) => resolve(part, stackName, assembly)).join(separator);
    }
    case 'Fn::GetStackOutput': {
      const { StackName, OutputName } = argument as { StackName: string; OutputName: string };
      return resolve(template(assembly, StackName).Outputs![OutputName].Value, StackName, assembly);
    }
    default:
      throw new Error(`The local platform cannot resolve ${name} in ${stackName}`);
  }
}

/** The deployed addresses, made this machine's: the site, its open data, the token issuer. */
function localAddress(value: string, deployment: Deployment): string {
  const site = `https://${distributionHost}`;
  if (value === `${site}/open-data/`) return deployment.openDataUrl;
  if (/^https:\/\/cognito-idp\.[^/]+\.amazonaws\.com\/local-user-pool$/.test(value)) return deployment.issuer;
  return value.replaceAll(site, deployment.siteUrl);
}

const list = (value: unknown) => (Array.isArray(value) ? value : [value]);

export interface DeployedFunctions {
  functions: LocalFunction[];
  /** The function behind each route key of the HTTP API (HEAD routes included). */
  integrations: Map<string, string>;
}

/**
 * The app's route functions from infra/cdk.out (synthesized first when stale), or from another synthesized app's
 * directory as it is, for the local Lambda service.
 */
export function deployedFunctions(deployment: Deployment, log: (line: string) => void, directory = cdkOut): DeployedFunctions {
  if (directory === cdkOut) synthesized(log);
  const assembly: Assembly = { directory, deployment, templates: new Map() };
  const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { type: string }> };
  const stackName = Object.keys(manifest.artifacts).find((name) => manifest.artifacts[name].type === 'aws:cloudformation:stack' && name.endsWith('-App'));
  if (!stackName) throw new Error(`No app stack in ${directory}`);
  const resources = template(assembly, stackName).Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

  const integrations = new Map<string, string>();
  for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) {
    const key = route.Properties.RouteKey as string;
    if (key === '$default') continue;
    const integrationId = ((route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1]).Ref;
    const [functionId] = (resources[integrationId].Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
    integrations.set(key, functionId);
  }

  const functions = [...new Set(integrations.values())].map((logicalId): LocalFunction => {
    const { Properties: properties, Metadata: metadata } = resources[logicalId];
    const roleId = (properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => (policy.Properties.Roles as Array<{ Ref: string }>).some(({ Ref }) => Ref === roleId))
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement)
      .map((statement): PolicyStatement => {
        if (statement.Condition || statement.NotAction || statement.NotResource) throw new Error(`The local IAM check takes no conditions (${logicalId})`);
        return {
          effect: statement.Effect as 'Allow' | 'Deny',
          actions: list(statement.Action).map(String),
          resources: list(statement.Resource).map((resource) => resolve(resource, stackName, assembly)),
        };
      });
    const variables = ((properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
    return {
      name: logicalId,
      module: join(directory, metadata!['aws:asset:path'], `${String(properties.Handler).replace(/\.\w+$/, '')}.mjs`),
      environment: Object.fromEntries(
        Object.entries(variables).map(([name, value]) => [name, localAddress(resolve(value, stackName, assembly), deployment)]),
      ),
      memorySize: Number(properties.MemorySize),
      timeoutSeconds: Number(properties.Timeout),
      identity: { role: roleId, statements },
    };
  });
  return { functions, integrations };
}
