// The DynamoDB document client, created once per process.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Set in AWS by the stack; set locally by the start script and the test setup. */
export const tableName = process.env.TABLE_NAME ?? 'collective-actions';

// Region, credentials and endpoint come from the environment, as the SDK reads it: Lambda's in AWS; locally the
// runner's (AWS_ENDPOINT_URL_DYNAMODB naming DynamoDB Local, or the IAM check in front of it).
export const dynamodb = new DynamoDBClient({});

export const documents = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true },
});
