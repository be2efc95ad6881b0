import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '@collective-actions/functions/data/table.ts';
import { DataStack } from './data-stack.ts';

describe('the data stack', () => {
  const template = Template.fromStack(new DataStack(new App(), 'Data'));
  const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable')) as Array<{
    Properties: Record<string, any>;
    DeletionPolicy: string;
  }>;

  it('has the keys and indexes of the shared table definition, all strings', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(
      table.Properties.GlobalSecondaryIndexes.map((index: any) => ({
        indexName: index.IndexName,
        partitionKey: index.KeySchema[0].AttributeName,
        sortKey: index.KeySchema[1].AttributeName,
        projection: index.Projection.ProjectionType,
      })),
    ).toEqual(tableDefinition.globalSecondaryIndexes.map((index) => ({ ...index, projection: 'ALL' })));
    expect(table.Properties.AttributeDefinitions.every((attribute: any) => attribute.AttributeType === 'S')).toBe(true);
  });

  it('is on-demand, recoverable to a point in time, protected from deletion and retained', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('names no physical resource, so each stage gets its own', () => {
    expect(table.Properties.TableName).toBeUndefined();
  });
});
