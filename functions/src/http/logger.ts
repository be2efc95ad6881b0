// The API's structured logger (Powertools): JSON lines with the request id as correlation id.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'collective-actions-api' });
