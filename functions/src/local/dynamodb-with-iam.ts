// DynamoDB Local behind IAM, for the local functions: each request is checked against the policy of the function that
// signed it (its access key is its name) and refused as AWS refuses it, before DynamoDB Local sees it.
import { request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { localAccount, localRegion } from './local-aws.ts';
import { serve } from './serve.ts';

/** One statement of an identity policy, as IAM evaluates it: wildcards `*` and `?` in actions and resources. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: string[];
}

/** A function's identity: the role it runs as and what the role allows. */
export interface FunctionIdentity {
  role: string;
  statements: PolicyStatement[];
}

export const localTableArn = (tableName: string) => `arn:aws:dynamodb:${localRegion}:${localAccount}:table/${tableName}`;

interface Permission {
  action: string;
  resource: string;
}

type Body = Record<string, unknown> & { TableName?: string; IndexName?: string };

/**
 * The actions and resources IAM checks for one DynamoDB request: the operation on its table (or index), and for
 * transactions the action of each item, as AWS documents ("Using IAM with DynamoDB transactions").
 */
export function permissionsOf(operation: string, body: Body): Permission[] {
  const table = (name: unknown, index?: unknown) => `${localTableArn(String(name))}${index ? `/index/${index}` : ''}`;
  switch (operation) {
    case 'TransactWriteItems': {
      const actions = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' } as const;
      return ((body.TransactItems ?? []) as Array<Record<string, { TableName: string }>>).flatMap((item) =>
        Object.entries(item).map(([kind, { TableName }]) => ({ action: `dynamodb:${actions[kind as keyof typeof actions] ?? kind}`, resource: table(TableName) })),
      );
    }
    case 'TransactGetItems':
      return ((body.TransactItems ?? []) as Array<{ Get: { TableName: string } }>).map(({ Get }) => ({ action: 'dynamodb:GetItem', resource: table(Get.TableName) }));
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys((body.RequestItems ?? {}) as object).map((name) => ({ action: `dynamodb:${operation}`, resource: table(name) }));
    default:
      return [{ action: `dynamodb:${operation}`, resource: body.TableName ? table(body.TableName, body.IndexName) : '*' }];
  }
}

const pattern = (glob: string, flags = '') =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`, flags);

const matches = (statement: PolicyStatement, { action, resource }: Permission) =>
  statement.actions.some((glob) => pattern(glob, 'i').test(action)) && statement.resources.some((glob) => pattern(glob).test(resource));

/** IAM's evaluation of identity policies: an explicit deny wins, then an allow is needed. */
export function refusal(statements: PolicyStatement[], permission: Permission): 'explicit' | 'implicit' | undefined {
  if (statements.some((statement) => statement.effect === 'Deny' && matches(statement, permission))) return 'explicit';
  return statements.some((statement) => statement.effect === 'Allow' && matches(statement, permission)) ? undefined : 'implicit';
}

const errorReply = (response: ServerResponse, type: string, message: string) => {
  response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() });
  response.end(JSON.stringify({ __type: `com.amazon.coral.service#${type}`, Message: message }));
};

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Listens on a port for the functions' DynamoDB requests; passes on to DynamoDB Local (`target`) those their policy
 * allows, byte for byte, and answers the others with AccessDeniedException as DynamoDB does.
 */
export async function startDynamoDbWithIam(port: number, target: string, identities: (accessKeyId: string) => FunctionIdentity | undefined) {
  const upstream = new URL(target);
  return serve(async (request, response) => {
    const body = await bodyOf(request);
    const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const identity = identities(accessKeyId);
    if (!identity) return errorReply(response, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    let permissions: Permission[];
    try {
      permissions = permissionsOf(operation, JSON.parse(body.toString('utf8') || '{}'));
    } catch {
      return errorReply(response, 'SerializationException', 'The request body is not valid JSON.');
    }
    for (const permission of permissions) {
      const refused = refusal(identity.statements, permission);
      if (refused) {
        const why = refused === 'explicit' ? `with an explicit deny in an identity-based policy` : `because no identity-based policy allows the ${permission.action} action`;
        const principal = `arn:aws:sts::${localAccount}:assumed-role/${identity.role}/${accessKeyId}`;
        return errorReply(response, 'AccessDeniedException', `User: ${principal} is not authorized to perform: ${permission.action} on resource: ${permission.resource} ${why}`);
      }
    }
    const passed = forward({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } }, (reply) => {
      response.writeHead(reply.statusCode ?? 500, reply.headers);
      reply.pipe(response);
    });
    passed.on('error', () => {
      // As when DynamoDB cannot be reached: the SDK retries, then the function fails as it would.
      response.destroy();
    });
    passed.end(body);
  }, port);
}
