// The functions' DynamoDB client: DynamoDB's JSON protocol over Node's HTTP client, signed by aws4, items marshalled by
// the SDK's own util-dynamodb (as its document client does). Not the AWS SDK's client, whose import alone takes about
// 85 ms of every cold start where these take a few (docs/benchmarks.md); nor fetch, whose first use loads undici (some
// 35 ms). What is written here is the call, its errors and its retries. Region, credentials and endpoint come from the
// environment as the SDK reads them: Lambda's in AWS; locally the runner's (AWS_ENDPOINT_URL_DYNAMODB naming DynamoDB
// Local, or the IAM check in front of it).
import { createRequire } from 'node:module';
import type * as Https from 'node:https';
import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import aws4 from 'aws4';

/** Set in AWS by the stack; set locally by the start script and the test setup. */
export const tableName = process.env.TABLE_NAME ?? 'collective-actions';

type Values = Record<string, NativeAttributeValue>;
/** An item in DynamoDB's own notation (`{ "name": { "S": "…" } }`). */
type Marshalled = Record<string, any>;

/** An error DynamoDB answered, named as its exception is (ConditionalCheckFailedException, …), with what it returned. */
export class DynamoDbError extends Error {
  /** The HTTP status DynamoDB answered with (named as the SDK names it in `$metadata`). */
  readonly httpStatusCode: number;
  /** The item as it was, in DynamoDB's own notation, when a condition failed and it was asked for. */
  readonly Item?: Marshalled;
  /** Why each item of a cancelled transaction failed; `Item` in DynamoDB's own notation. */
  readonly CancellationReasons?: Array<{ Code?: string; Message?: string; Item?: Marshalled }>;

  constructor(name: string, message: string, httpStatusCode: number, answer: Pick<DynamoDbError, 'Item' | 'CancellationReasons'>) {
    super(message);
    this.name = name;
    this.httpStatusCode = httpStatusCode;
    this.Item = answer.Item;
    this.CancellationReasons = answer.CancellationReasons;
  }
}

export const isConditionFailure = (error: unknown): error is DynamoDbError =>
  error instanceof DynamoDbError && error.name === 'ConditionalCheckFailedException';

/** The reasons of a cancelled transaction, or undefined for any other error. */
export const cancellationReasonsOf = (error: unknown) =>
  error instanceof DynamoDbError && error.name === 'TransactionCanceledException' ? (error.CancellationReasons ?? []) : undefined;

const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-3';
const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? process.env.AWS_ENDPOINT_URL ?? `https://dynamodb.${region}.amazonaws.com`;
const maxAttempts = Number(process.env.AWS_MAX_ATTEMPTS ?? 3);
// Worth another try after a pause: DynamoDB busy or throttling, as the SDK's standard retry strategy reads them.
const transient = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'InternalServerError', 'LimitExceededException']);

const target = new URL(endpoint);
// By `require`, not `import`: see infra/lib/bundling/node-http.ts. https loads http the same way.
const transport: typeof Https = createRequire(import.meta.url)(target.protocol === 'https:' ? 'node:https' : 'node:http');
const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY, sessionToken: process.env.AWS_SESSION_TOKEN };

/** One signed request to DynamoDB: its status and parsed body. Network failures reject with Node's error (its `code`). */
function send(operation: string, payload: string): Promise<{ status: number; body: Record<string, any> }> {
  const request = aws4.sign(
    {
      host: target.host,
      path: '/',
      method: 'POST',
      service: 'dynamodb',
      region,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` },
      body: payload,
    },
    credentials,
  );
  return new Promise((resolve, reject) => {
    transport
      .request({ protocol: target.protocol, hostname: target.hostname, port: target.port, path: '/', method: 'POST', headers: request.headers as Https.RequestOptions['headers'] }, (reply) => {
        const chunks: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => chunks.push(chunk));
        reply.on('error', reject);
        reply.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, any> = {};
          try {
            body = text ? JSON.parse(text) : {};
          } catch {
            // Not DynamoDB's JSON (a proxy's page, say): the status alone says what happened.
          }
          resolve({ status: reply.statusCode ?? 0, body });
        });
      })
      .on('error', reject)
      .end(payload);
  });
}

/** One operation of DynamoDB's API, retried with jittered backoff while the failure is transient. */
async function call(operation: string, input: object): Promise<any> {
  const payload = JSON.stringify(input);
  for (let attempt = 1; ; attempt++) {
    let reply: { status: number; body: Record<string, any> };
    try {
      reply = await send(operation, payload);
    } catch (error) {
      // The network: DynamoDB unreachable (the error's code says how, for the problem mapper).
      if (attempt >= maxAttempts) throw error;
      await pause(attempt);
      continue;
    }
    const { status, body } = reply;
    if (status >= 200 && status < 300) return body;
    const name = String(body.__type ?? `HTTP${status}`).split('#').pop()!;
    const failure = new DynamoDbError(name, body.message ?? body.Message ?? `DynamoDB answered ${status}`, status, body);
    if (attempt >= maxAttempts || !(status >= 500 || transient.has(name))) throw failure;
    await pause(attempt);
  }
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2000, 50 * 2 ** attempt)));

const marshallOptions = { removeUndefinedValues: true };
const toDynamo = (values: Values | undefined) => (values === undefined ? undefined : marshall(values, marshallOptions));
const fromDynamo = (item: Marshalled | undefined) => (item === undefined ? undefined : unmarshall(item as never));

/** A write's condition and key in DynamoDB's notation. */
const withValues = <T extends { ExpressionAttributeValues?: Values; Key?: Values; Item?: Values }>(input: T) => ({
  ...input,
  ...(input.Key ? { Key: toDynamo(input.Key) } : {}),
  ...(input.Item ? { Item: toDynamo(input.Item) } : {}),
  ...(input.ExpressionAttributeValues ? { ExpressionAttributeValues: toDynamo(input.ExpressionAttributeValues) } : {}),
});

/** DynamoDB's operations the data modules use, with items as plain values (the document client's shapes). */
export const dynamo = {
  async get(input: GetCommandInput): Promise<Omit<GetCommandOutput, '$metadata'>> {
    const output = await call('GetItem', withValues(input));
    return { ...output, Item: fromDynamo(output.Item) };
  },
  put: (input: PutCommandInput): Promise<Omit<PutCommandOutput, '$metadata'>> => call('PutItem', withValues(input)),
  async update(input: UpdateCommandInput): Promise<Omit<UpdateCommandOutput, '$metadata'>> {
    const output = await call('UpdateItem', withValues(input));
    return { ...output, Attributes: fromDynamo(output.Attributes) };
  },
  delete: (input: DeleteCommandInput): Promise<Omit<DeleteCommandOutput, '$metadata'>> => call('DeleteItem', withValues(input)),
  async query(input: QueryCommandInput): Promise<Omit<QueryCommandOutput, '$metadata'>> {
    const output = await call('Query', { ...withValues(input), ExclusiveStartKey: toDynamo(input.ExclusiveStartKey) });
    return { ...output, Items: output.Items?.map(fromDynamo), LastEvaluatedKey: fromDynamo(output.LastEvaluatedKey) };
  },
  async batchGet(input: BatchGetCommandInput): Promise<Omit<BatchGetCommandOutput, '$metadata'>> {
    const requests = Object.entries(input.RequestItems ?? {}).map(([table, request]) => [table, { ...request, Keys: request.Keys?.map((key) => toDynamo(key)) }]);
    const output = await call('BatchGetItem', { ...input, RequestItems: Object.fromEntries(requests) });
    const items = (tables: Record<string, any> | undefined, read: (value: any) => any) =>
      tables && Object.fromEntries(Object.entries(tables).map(([table, value]) => [table, read(value)]));
    return {
      ...output,
      Responses: items(output.Responses, (found: Marshalled[]) => found.map(fromDynamo)),
      UnprocessedKeys: items(output.UnprocessedKeys, (request: { Keys: Marshalled[] }) => ({ ...request, Keys: request.Keys.map(fromDynamo) })),
    };
  },
  transactWrite: (input: TransactWriteCommandInput): Promise<Omit<TransactWriteCommandOutput, '$metadata'>> =>
    call('TransactWriteItems', {
      ...input,
      TransactItems: input.TransactItems?.map((item) =>
        Object.fromEntries(Object.entries(item).map(([kind, action]) => [kind, withValues(action as { ExpressionAttributeValues?: Values; Key?: Values; Item?: Values })])),
      ),
    }),
};
