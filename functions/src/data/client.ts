// The DynamoDB document client, created once per process.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Set in AWS by the stack; set locally by the start script and the test setup. */
export const tableName = process.env.TABLE_NAME ?? 'collective-actions';

const endpoint = process.env.DYNAMODB_ENDPOINT;

export const dynamodb = new DynamoDBClient(
  endpoint
    ? {
        endpoint,
        region: process.env.AWS_REGION ?? 'eu-west-3',
        // DynamoDB Local accepts any credentials; these keep the SDK from looking for real ones.
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 2,
      }
    : {},
);

export const documents = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true },
});
