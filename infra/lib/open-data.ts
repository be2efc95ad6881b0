// Open data: the snapshot of every public record (exports, data package, search index) in S3, rebuilt by a function
// whenever records change; exports and search read it, never the table.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { keys } from '@collective-actions/functions/data/keys.ts';
import { tableDefinition } from '@collective-actions/functions/data/table.ts';
import { snapshotBuilderFunction, type Deployment } from '@collective-actions/functions/function-definitions.ts';
import type { Alarms } from './alarms.ts';
import { nagArn, PlatformFunction } from './platform-function.ts';

export class OpenData extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Rebuilt from the table whenever records change, but kept when the stack goes: deleting it needs it emptied by hand.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds the public open-data snapshot, rebuilt from the table, public through CloudFront: no request to it needs an audit trail.',
    });
  }

  /** Where readers find the snapshot's files. */
  static urlFor(siteUrl: string): string {
    return `${siteUrl}/open-data/`;
  }

  /**
   * The builder runs when published records change: the table's stream, batched for up to a minute, filtered to the
   * partitions of what is published (`keys.publishedPartitionPrefixes`): inboxes, follows, mail, digests, settings,
   * idempotency records and throttle buckets change nothing published.
   */
  buildFrom(table: ITableV2, deployment: Deployment, alarms: Alarms): void {
    const definition = snapshotBuilderFunction(deployment, this.bucket.bucketName);
    const builder = new PlatformFunction(this, definition.name, { ...definition, alarms });
    builder.bindTable(table, 'read');
    builder.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects('open-data/*')] }));
    Validations.of(builder).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArn(this.bucket)}/open-data/*]`,
      reason: 'The builder writes the files of the snapshot, whose names are those of the exports: only PutObject, only under open-data/.',
    });
    builder.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10_000,
        maxBatchingWindow: Duration.minutes(1),
        retryAttempts: 3,
        filters: [
          FilterCriteria.filter({ dynamodb: { Keys: { [tableDefinition.partitionKey]: { S: keys.publishedPartitionPrefixes.map((prefix) => ({ prefix })) } } } }),
        ],
      }),
    );
  }
}
