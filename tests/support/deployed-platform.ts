// Global setup of the `deployed` project: the same platform, its API's functions run from the bundles in infra/cdk.out
// (synthesized first when stale), each with the environment, memory, timeout and IAM policy its template gives it.
import type { TestProject } from 'vitest/node';
import { startTestPlatform } from './platform.ts';

export default (project: TestProject) => startTestPlatform(project, 'bundles');
