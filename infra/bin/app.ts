// The CDK app: `npm run deploy -- --context stage=name` (see docs/deploy.md).
import { App } from 'aws-cdk-lib';
import { definePlatform } from '../lib/platform-app.ts';

definePlatform(new App());
