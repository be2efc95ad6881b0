// The route functions as `cdk deploy` ships them, read from the synthesized app in infra/cdk.out (synthesized again
// when the sources changed): each route's own bundle, with the environment, memory, timeout and IAM policy the
// template gives its function. Only the addresses of what the functions reach are this machine's.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

// Checked once per process: the functions and the site of one start read the same synthesized app.
let checked = false;

/** Synthesizes the app unless infra/cdk.out is newer than every source it is made of. */
function synthesized(log: (line: string) => void): void {
  if (checked) return;
  const manifest = join(cdkOut, 'manifest.json');
  const built = statSync(manifest, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  checked = built > Math.max(...sources.map((source) => newest(join(repositoryRoot, source))));
  if (checked) return;
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
  checked = true;
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
  /** The local API's address, for what names the HTTP API's endpoint. */
  apiUrl?: string;
  templates: Map<string, Template>;
}

const template = (assembly: Assembly, stackName: string): Template => {
  if (!assembly.templates.has(stackName)) {
    assembly.templates.set(stackName, JSON.parse(readFileSync(join(assembly.directory, `${stackName}.template.json`), 'utf8')));
  }
  return assembly.templates.get(stackName)!;
};

// Hosts that stand for the deployment's own resources while values are resolved; `localAddress` then makes them local.
const distributionHost = 'distribution.local.invalid';
const apiHost = 'api.local.invalid';
const userPoolId = 'local-user-pool';

/** What a resource's Ref or attribute is on this machine. */
function standIn(type: string, attribute: string, logicalId: string, deployment: Deployment): string {
  const table = deployment.tableName;
  const values: Record<string, Record<string, string>> = {
    'AWS::DynamoDB::GlobalTable': { Ref: table, Arn: localTableArn(table), StreamArn: `${localTableArn(table)}/stream/local` },
    'AWS::CloudFront::Distribution': { DomainName: distributionHost },
    'AWS::ApiGatewayV2::Api': { ApiEndpoint: `https://${apiHost}` },
    'AWS::Cognito::UserPool': { Ref: userPoolId },
    // As in Cognito, the site's client id is the audience of the access tokens the API accepts.
    'AWS::Cognito::UserPoolClient': { Ref: deployment.audience.join(',') },
    // The local provider has an end-session endpoint, which the site prefers to Cognito's logout address.
    'AWS::Cognito::UserPoolDomain': { Ref: 'local-sign-in' },
    'AWS::SecretsManager::Secret': { Ref: logicalId },
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

/** The deployed addresses, made this machine's: the site, its open data, the API, the token issuer. */
function localAddress(value: string, { deployment, apiUrl }: Assembly): string {
  const site = `https://${distributionHost}`;
  if (value === `${site}/open-data/`) return deployment.openDataUrl;
  if (/^https:\/\/cognito-idp\.[^/]+\.amazonaws\.com\/local-user-pool$/.test(value)) return deployment.issuer;
  if (value.includes(apiHost)) {
    if (!apiUrl) throw new Error('The local API address is needed to resolve the HTTP API endpoint');
    return value.replaceAll(`https://${apiHost}`, apiUrl);
  }
  return value.replaceAll(site, deployment.siteUrl);
}

// CloudFormation's dynamic references to Secrets Manager, which it resolves while deploying.
const secretReference = /\{\{resolve:secretsmanager:[^}]+\}\}/g;

/** What stands for a secret here, by the variable it is given in: the deployment's own unsubscribe key, a session key of this run. */
function localSecret(variable: string, { deployment }: Assembly): string {
  const secrets: Record<string, () => string> = {
    UNSUBSCRIBE_SECRET: () => deployment.unsubscribeSecret,
    SESSION_SECRET: () => randomBytes(32).toString('base64url'),
  };
  if (!secrets[variable]) throw new Error(`The local platform has no stand-in for the secret in ${variable}`);
  return secrets[variable]();
}

/** A function's environment variables from the template, their values this machine's. */
function environmentOf(properties: Record<string, unknown>, stackName: string, assembly: Assembly): Record<string, string> {
  const variables = ((properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      localAddress(resolve(value, stackName, assembly), assembly).replace(secretReference, () => localSecret(name, assembly)),
    ]),
  );
}

/** The synthesized app in `directory` (infra/cdk.out synthesized first when stale): its app stack's name and resources. */
function appStack(assembly: Assembly, log: (line: string) => void) {
  if (assembly.directory === cdkOut) synthesized(log);
  const manifest = JSON.parse(readFileSync(join(assembly.directory, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { type: string }> };
  const stackName = Object.keys(manifest.artifacts).find((name) => manifest.artifacts[name].type === 'aws:cloudformation:stack' && name.endsWith('-App'));
  if (!stackName) throw new Error(`No app stack in ${assembly.directory}`);
  return { stackName, resources: template(assembly, stackName).Resources };
}

/** The function an HTTP API route's integration invokes. */
function integratedFunction(route: Resource, resources: Template['Resources']): string {
  const integrationId = ((route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1]).Ref;
  return (resources[integrationId].Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
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
  const assembly: Assembly = { directory, deployment, templates: new Map() };
  const { stackName, resources } = appStack(assembly, log);
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

  const integrations = new Map<string, string>();
  for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) {
    const key = route.Properties.RouteKey as string;
    if (key !== '$default') integrations.set(key, integratedFunction(route, resources));
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
    return {
      name: logicalId,
      module: join(directory, metadata!['aws:asset:path'], `${String(properties.Handler).replace(/\.\w+$/, '')}.mjs`),
      environment: environmentOf(properties, stackName, assembly),
      memorySize: Number(properties.MemorySize),
      timeoutSeconds: Number(properties.Timeout),
      identity: { role: roleId, statements },
    };
  });
  return { functions, integrations };
}

/** The site's server as its Lambda function deploys it: behind the HTTP API's default route, run by the Lambda Web Adapter. */
export interface DeployedSite {
  /** The function's asset: the server's files. */
  directory: string;
  /** What the function runs there (its handler: the adapter's exec wrapper starts it). */
  command: string;
  /** Its environment from the template, this machine's addresses and a session secret of this run in it (`localSecret`). */
  environment: Record<string, string>;
  memorySize: number;
  timeoutSeconds: number;
}

/** The site's function from infra/cdk.out (synthesized first when stale): what the HTTP API's default route invokes. */
export function deployedSite(deployment: Deployment, apiUrl: string, log: (line: string) => void): DeployedSite {
  const assembly: Assembly = { directory: cdkOut, deployment, apiUrl, templates: new Map() };
  const { stackName, resources } = appStack(assembly, log);
  const route = Object.values(resources).find((resource) => resource.Type === 'AWS::ApiGatewayV2::Route' && resource.Properties.RouteKey === '$default');
  if (!route) throw new Error(`No default route in ${stackName}`);
  const { Properties: properties, Metadata: metadata } = resources[integratedFunction(route, resources)];
  return {
    directory: join(cdkOut, metadata!['aws:asset:path']),
    command: String(properties.Handler),
    environment: environmentOf(properties, stackName, assembly),
    memorySize: Number(properties.MemorySize),
    timeoutSeconds: Number(properties.Timeout),
  };
}
