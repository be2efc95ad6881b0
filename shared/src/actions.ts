// Themes and collective actions: what organisations contribute to.
import * as z from 'zod';
import { progressCounts } from './progress.ts';
import { bilingual, line, patchOf, slug, timestamp, version } from './common.ts';
import { organisationKinds, publicCooperationStatuses } from './vocabulary.ts';

export const theme = z.object({
  id: slug,
  position: z.int(),
  title: bilingual(1, 200),
});

const actionFields = {
  theme: slug,
  title: bilingual(3, 200),
  summary: bilingual(10, 1000),
  workingGroup: line(1, 100).nullable(),
};

export const newAction = z.strictObject({ slug, ...actionFields, workingGroup: actionFields.workingGroup.default(null) });

export const actionChanges = patchOf({
  theme: actionFields.theme.optional(),
  title: actionFields.title.optional(),
  summary: actionFields.summary.optional(),
  workingGroup: actionFields.workingGroup.optional(),
});

/** How many organisations of each kind. */
export const countsByKind = z.object(
  Object.fromEntries(organisationKinds.map((kind) => [kind, z.int()])) as Record<
    (typeof organisationKinds)[number],
    z.ZodInt
  >,
);

/** How many cooperations of each public status. */
export const cooperationCounts = z.object(
  Object.fromEntries(publicCooperationStatuses.map((status) => [status, z.int()])) as Record<(typeof publicCooperationStatuses)[number], z.ZodInt>,
);

export const action = z.object({
  slug,
  position: z.int(),
  ...actionFields,
  /** Figures reported for the action at the 2016 Paris summit, where known. */
  reported2016: z
    .object({
      countries: z.int(),
      localGovernments: z.int(),
      civilSociety: z.int(),
      notes: z.string().optional(),
    })
    .optional(),
  counts: z.object({
    /** Public contributions (published and not hidden). */
    contributions: z.int(),
    /** Organisations with at least one public contribution, by kind. */
    organisations: countsByKind,
    /** Active coalition members, by kind. */
    members: countsByKind,
    /** Active members that lead the coalition. */
    leads: z.int(),
    /** Cooperations on its contributions that both organisations agreed to, by status. */
    cooperations: cooperationCounts,
    /** Its public contributions by progress: not started, in progress, delivered. */
    progress: progressCounts,
  }),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Who follows an action (is told of its agenda and contributions), and whether the caller does. */
export const following = z.object({
  following: z.boolean().meta({ description: 'Whether you follow it (false when not signed in)' }),
  followers: z.int().nonnegative().meta({ description: 'How many people follow it' }),
});

export const actionsQuery = z.strictObject({ theme: slug.optional() });

export const actionList = z.object({ themes: z.array(theme), actions: z.array(action) });

export type Theme = z.infer<typeof theme>;
export type NewAction = z.infer<typeof newAction>;
export type ActionChanges = z.infer<typeof actionChanges>;
export type Action = z.infer<typeof action>;
export type CountsByKind = z.infer<typeof countsByKind>;
export type CooperationCounts = z.infer<typeof cooperationCounts>;
export type ActionList = z.infer<typeof actionList>;
export type Following = z.infer<typeof following>;

export const actionPath = z.strictObject({ slug });
