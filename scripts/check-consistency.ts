// Recomputes every count from the records and checks every contribution's index entries, against the table
// `npm start` runs (DynamoDB Local on port 8000), or the one AWS_ENDPOINT_URL_DYNAMODB and TABLE_NAME name.
// Prints each difference; exits with 1 if there is any.
//   node scripts/check-consistency.ts
import { dynamoDbLocalEnvironment } from '@collective-actions/functions/local/dynamodb-local.ts';

if (!process.env.AWS_ENDPOINT_URL_DYNAMODB) Object.assign(process.env, dynamoDbLocalEnvironment(8000));
const { checkConsistency } = await import('@collective-actions/functions/data/consistency.ts');
const differences = await checkConsistency();
for (const { what, stored, recomputed } of differences) console.log(`${what}: stored ${JSON.stringify(stored)}, recomputed ${JSON.stringify(recomputed)}`);
console.log(differences.length ? `${differences.length} differences` : 'No difference: every count equals its records, every index entry its record.');
process.exitCode = differences.length ? 1 : 0;
