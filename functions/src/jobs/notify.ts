// In AWS: delivers each event written to the outbox, from the table's stream (its inserts of outbox items only, by
// their keys: the item is read again), each record on its own: one that fails is reported back for the stream to try
// again, and the others are not (Powertools batch processing); delivery puts each notification in an inbox once,
// however often it runs. Then the e-mail queued is sent.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { eventAt } from '../data/notifications.ts';
import { logger } from '../http/logger.ts';
import { sendQueuedMail } from '../services/mail.ts';
import { deliverEvent } from '../services/delivery.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function deliverRecord(record: DynamoDBRecord): Promise<void> {
  const event = await eventAt(unmarshall(record.dynamodb!.Keys as Record<string, AttributeValue>));
  // Gone only if it expired, long after its delivery.
  if (!event) return;
  const delivered = await deliverEvent(event);
  logger.info('notification delivered', { event: event.id, kind: event.kind, recipients: delivered });
}

/** Delivers the batch, then sends the e-mail it queued (and any a failed send left before). */
export async function handler(event: DynamoDBStreamEvent, context: Context) {
  const response = await processPartialResponse(event, deliverRecord, processor, { context });
  const { sent, failed } = await sendQueuedMail();
  if (sent) logger.info('mail sent', { sent });
  // A mail server that refuses is the operator's to see; the mail stays queued for the next run.
  for (const { event, error } of failed) logger.error('a mail could not be sent; it stays queued', { event, error: error as Error });
  return response;
}
