// Contributions: what an organisation offers to a collective action, or seeks from the others in it.
import * as z from 'zod';
import { countryCode, cursor, httpsUrl, id, languageCode, limit, line, patchOf, slug, text, timestamp, version } from './common.ts';
import { organisationKind, organisationSummary } from './organisations.ts';
import { contributionProgress } from './progress.ts';
import { contributionKinds, contributionStatuses, moderators, offerTypes, regions } from './vocabulary.ts';

export const offerType = z.enum(offerTypes, { error: `must be one of: ${offerTypes.join(', ')}` });
export const contributionKind = z.enum(contributionKinds, { error: `must be one of: ${contributionKinds.join(', ')}` });
export const region = z.enum(regions, { error: `must be one of: ${regions.join(', ')}` });

const contributionFields = {
  /** The types of help it offers, or, for a request, seeks. */
  offers: z
    .array(offerType)
    .min(1, 'must name at least one type of help')
    .refine((offers) => new Set(offers).size === offers.length, 'must not name the same offer twice'),
  title: line(3, 200),
  text: text(1, 5000),
  links: z
    .array(httpsUrl)
    .max(5, 'must have at most 5 links')
    .refine((links) => new Set(links).size === links.length, 'must not repeat a link'),
  language: languageCode,
  /** Where the help is offered or sought; anywhere when null. */
  region: region.nullable(),
  /** The date by which it is wanted or available (ISO 8601, YYYY-MM-DD); none when null. */
  deadline: z.iso.date('must be a date, as 2027-03-15').nullable(),
};

export const newContribution = z.strictObject({
  organisationId: id,
  /** An offer unless told: it stays what it was made. */
  kind: contributionKind.default('offer'),
  ...contributionFields,
  links: contributionFields.links.default([]),
  region: contributionFields.region.default(null),
  deadline: contributionFields.deadline.default(null),
});

export const contributionChanges = patchOf({
  offers: contributionFields.offers.optional(),
  title: contributionFields.title.optional(),
  text: contributionFields.text.optional(),
  links: contributionFields.links.optional(),
  language: contributionFields.language.optional(),
  region: contributionFields.region.optional(),
  deadline: contributionFields.deadline.optional(),
});

export const contribution = z.object({
  id,
  action: slug,
  organisation: organisationSummary,
  kind: contributionKind,
  ...contributionFields,
  status: z.enum(contributionStatuses),
  /** Where it stands, as its author says with progress updates. */
  progress: contributionProgress,
  /**
   * Set while a lead or steward hides the contribution; only they and its organisation ever see it then. `by` says which
   * of them hid it (null for one hidden before this was kept).
   */
  hidden: z.object({ reason: z.string(), at: timestamp, by: z.enum(moderators).nullable() }).optional(),
  /** When it was withdrawn: only its organisation's people ever see a withdrawn contribution, and may restore it for a while. */
  withdrawnAt: timestamp.optional(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const contributionsQuery = z.strictObject({
  /** `hidden` lists the contributions hidden by moderation, for the action's leads and stewards. */
  visibility: z.enum(['public', 'hidden'], { error: 'must be public or hidden' }).default('public'),
  kind: contributionKind.optional(),
  type: offerType.optional(),
  organisationKind: organisationKind.optional(),
  country: countryCode.optional(),
  cursor: cursor.optional(),
  limit,
});

export const hiding = z.strictObject({ reason: text(3, 500) });

/** For how long after its withdrawal a contribution can be restored, as it was. */
export const restorableDays = 30;

/** Whether a withdrawn contribution can still be restored at `now`. */
export const restorable = (contribution: Pick<Contribution, 'status' | 'withdrawnAt'>, now: Date) =>
  contribution.status === 'withdrawn' &&
  contribution.withdrawnAt !== undefined &&
  now.getTime() - Date.parse(contribution.withdrawnAt) < restorableDays * 24 * 3600 * 1000;

/** `all` adds the hidden and withdrawn contributions, for the organisation's own people. */
export const organisationContributionsQuery = z.strictObject({
  visibility: z.enum(['public', 'all'], { error: 'must be public or all' }).default('public'),
  cursor: cursor.optional(),
  limit,
});

/** The contributions hidden most recently across every action, for the stewards: the newest `limit`. */
export const hiddenContributionsQuery = z.strictObject({ limit });
export const hiddenContributionList = z.object({ items: z.array(contribution) });

/** A page of a list; `next` is the opaque cursor of the following page, null on the last one. */
export const contributionPage = z.object({ items: z.array(contribution), next: z.string().nullable() });

/** How many matches to list: the best first. */
export const matchesQuery = z.strictObject({ limit });

/** Where a match is, seen from the contribution it was found for. */
export const matchPlaces = ['action', 'theme', 'elsewhere'] as const;

/**
 * A contribution that could answer another (an offer for a request, a request for an offer): it names a type of help the
 * other names, in the same action, the same theme, or elsewhere when their texts meet.
 */
export const contributionMatch = z.object({
  contribution: contribution.pick({ id: true, action: true, kind: true, organisation: true, offers: true, title: true, language: true, region: true, deadline: true, createdAt: true }),
  /** Why it fits: the types of help both name, where it is, and whether its language and region are the other's. */
  fit: z.object({ offers: z.array(offerType), place: z.enum(matchPlaces), language: z.boolean(), region: z.boolean() }),
  score: z.number().meta({ description: 'How well the texts meet, with language and region: higher is better; comparable within one answer only' }),
});

/**
 * The matches of a contribution, best first: those in its action, then in its theme, then elsewhere, each by score.
 * They are found in the open-data snapshot's index, so a contribution published in the last minute or so is not yet among them.
 */
export const matchPage = z.object({ total: z.int(), items: z.array(contributionMatch) });

/** New matches of an organisation's contributions: those published since a moment (unless told, the start of the day a week ago, UTC). */
export const organisationMatchesQuery = z.strictObject({ since: timestamp.optional() });

/** Each of an organisation's public contributions with new matches: its best ones, and how many there are. */
export const organisationMatches = z.object({
  since: timestamp,
  items: z.array(
    z.object({ contribution: contribution.pick({ id: true, action: true, kind: true, title: true }), total: z.int(), items: z.array(contributionMatch) }),
  ),
});

export type OfferType = z.infer<typeof offerType>;
export type ContributionKind = z.infer<typeof contributionKind>;
export type Region = z.infer<typeof region>;
export type NewContribution = z.infer<typeof newContribution>;
export type ContributionChanges = z.infer<typeof contributionChanges>;
export type Contribution = z.infer<typeof contribution>;
export type ContributionsQuery = z.infer<typeof contributionsQuery>;
export type ContributionPage = z.infer<typeof contributionPage>;
export type Hiding = z.infer<typeof hiding>;
export type Moderator = (typeof moderators)[number];
export type OrganisationContributionsQuery = z.infer<typeof organisationContributionsQuery>;
export type MatchesQuery = z.infer<typeof matchesQuery>;
export type ContributionMatch = z.infer<typeof contributionMatch>;
export type MatchPage = z.infer<typeof matchPage>;
export type OrganisationMatchesQuery = z.infer<typeof organisationMatchesQuery>;
export type OrganisationMatches = z.infer<typeof organisationMatches>;
export type MatchPlace = (typeof matchPlaces)[number];

export const contributionPath = z.strictObject({ slug, id });
