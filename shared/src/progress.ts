// Progress: dated public notes of how a cooperation or a contribution goes, and where a contribution stands: not started,
// in progress, or delivered, as its author says.
import * as z from 'zod';
import { httpsUrl, id, text, timestamp } from './common.ts';
import { organisationSummary } from './organisations.ts';
import { contributionProgresses } from './vocabulary.ts';

export const contributionProgress = z.enum(contributionProgresses, { error: `must be one of: ${contributionProgresses.join(', ')}` });

/** A dated public note of how it goes, with a link to what it produced, say. */
export const newProgressUpdate = z.strictObject({ text: text(3, 1000), link: httpsUrl.nullable().default(null) });

/**
 * An update on a contribution, which may say where it now stands: in progress, or delivered (back to in progress, if
 * said too soon). A first update on a contribution not started says it is in progress.
 */
export const newContributionUpdate = newProgressUpdate.extend({
  progress: z.enum(['in-progress', 'delivered'], { error: 'must be in-progress or delivered' }).optional(),
});

export const progressUpdate = z.object({
  id,
  /** The organisation it was posted for. */
  organisation: organisationSummary,
  text: z.string(),
  link: z.string().nullable(),
  at: timestamp,
});

/** Progress updates, newest first. */
export const progressUpdatePage = z.object({ items: z.array(progressUpdate), next: z.string().nullable() });

/** How many of an action's public contributions stand where. */
export const progressCounts = z.object(
  Object.fromEntries(contributionProgresses.map((progress) => [progress, z.int()])) as Record<(typeof contributionProgresses)[number], z.ZodInt>,
);

export type ContributionProgress = z.infer<typeof contributionProgress>;
export type NewProgressUpdate = z.infer<typeof newProgressUpdate>;
export type NewContributionUpdate = z.infer<typeof newContributionUpdate>;
export type ProgressUpdate = z.infer<typeof progressUpdate>;
export type ProgressUpdatePage = z.infer<typeof progressUpdatePage>;
export type ProgressCounts = z.infer<typeof progressCounts>;
