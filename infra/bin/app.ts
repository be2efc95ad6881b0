// The CDK app: one set of stacks per stage (`--context stage=name`), with generated resource names.
import { App } from 'aws-cdk-lib';
import { DataStack } from '../lib/data-stack.ts';

const app = new App();
const stage = app.node.tryGetContext('stage') ?? 'dev';
new DataStack(app, `CollectiveActions-${stage}-Data`, { description: `Collective Actions (${stage}): data` });
