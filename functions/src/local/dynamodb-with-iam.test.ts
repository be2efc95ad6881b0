import { describe, expect, it } from 'vitest';
import { localTableArn, permissionsOf, refusal, type PolicyStatement } from './dynamodb-with-iam.ts';

const table = localTableArn('platform');
const readOnly: PolicyStatement[] = [
  { effect: 'Allow', actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [table, `${table}/index/GSI1`] },
];

describe('what IAM checks for a DynamoDB request', () => {
  it('checks an operation on its table, or on the index it queries', () => {
    expect(permissionsOf('GetItem', { TableName: 'platform' })).toEqual([{ action: 'dynamodb:GetItem', resource: table }]);
    expect(permissionsOf('Query', { TableName: 'platform', IndexName: 'GSI2' })).toEqual([{ action: 'dynamodb:Query', resource: `${table}/index/GSI2` }]);
  });

  it("checks each item of a transaction by its own action, as AWS documents, and each table of a batch", () => {
    const items = [{ Put: { TableName: 'platform' } }, { Update: { TableName: 'platform' } }, { Delete: { TableName: 'other' } }, { ConditionCheck: { TableName: 'platform' } }];
    expect(permissionsOf('TransactWriteItems', { TransactItems: items })).toEqual([
      { action: 'dynamodb:PutItem', resource: table },
      { action: 'dynamodb:UpdateItem', resource: table },
      { action: 'dynamodb:DeleteItem', resource: localTableArn('other') },
      { action: 'dynamodb:ConditionCheckItem', resource: table },
    ]);
    expect(permissionsOf('TransactGetItems', { TransactItems: [{ Get: { TableName: 'platform' } }] })).toEqual([{ action: 'dynamodb:GetItem', resource: table }]);
    expect(permissionsOf('BatchGetItem', { RequestItems: { platform: {}, other: {} } }).map(({ resource }) => resource)).toEqual([table, localTableArn('other')]);
  });
});

describe("IAM's evaluation", () => {
  it('allows only what a statement names, on the resources it names', () => {
    expect(refusal(readOnly, { action: 'dynamodb:GetItem', resource: table })).toBeUndefined();
    expect(refusal(readOnly, { action: 'dynamodb:Query', resource: `${table}/index/GSI1` })).toBeUndefined();
    expect(refusal(readOnly, { action: 'dynamodb:Query', resource: `${table}/index/GSI2` })).toBe('implicit');
    expect(refusal(readOnly, { action: 'dynamodb:PutItem', resource: table })).toBe('implicit');
    expect(refusal(readOnly, { action: 'dynamodb:GetItem', resource: localTableArn('other') })).toBe('implicit');
    expect(refusal([], { action: 'dynamodb:GetItem', resource: table })).toBe('implicit');
  });

  it('reads wildcards in actions (any case) and resources, and lets an explicit deny win', () => {
    const broad: PolicyStatement[] = [{ effect: 'Allow', actions: ['DynamoDB:*Item'], resources: [`${table}*`] }];
    expect(refusal(broad, { action: 'dynamodb:PutItem', resource: `${table}/index/GSI5` })).toBeUndefined();
    expect(refusal(broad, { action: 'dynamodb:Query', resource: table })).toBe('implicit');
    const denied = [...broad, { effect: 'Deny' as const, actions: ['dynamodb:DeleteItem'], resources: ['*'] }];
    expect(refusal(denied, { action: 'dynamodb:DeleteItem', resource: table })).toBe('explicit');
    expect(refusal(denied, { action: 'dynamodb:GetItem', resource: table })).toBeUndefined();
  });

  it('takes dots and other characters in names literally', () => {
    const exact: PolicyStatement[] = [{ effect: 'Allow', actions: ['dynamodb:GetItem'], resources: [localTableArn('a.b')] }];
    expect(refusal(exact, { action: 'dynamodb:GetItem', resource: localTableArn('aXb') })).toBe('implicit');
  });
});
