// The AWS SDK's DynamoDB clients, for what works on the table beside the platform (creating it, the seed, benchmarks,
// tests): each runs once, where the SDK's import time does not matter. The functions use data/client.ts.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// Region, credentials and endpoint from the environment (dynamoDbLocalEnvironment locally).
export const dynamodb = new DynamoDBClient({});

export const documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
