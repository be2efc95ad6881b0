// The platform's fixed vocabulary: the words every other module agrees on (no zod here: the site's pages import it as is).

export const organisationKinds = [
  'national-government',
  'local-government',
  'civil-society',
  'international-organisation',
] as const;

export const offerTypes = [
  'tools',
  'expertise',
  'data',
  'funding',
  'policy-commitment',
  'event-hosting',
] as const;

export const organisationRoles = ['admin', 'member'] as const;

/** What makes an organisation who it is: a steward's verification vouches for these, and a change to any withdraws it. */
export const identityFields = ['name', 'kind', 'country', 'website'] as const;

/** The public record of an organisation's verification. */
export const organisationEvents = ['verified', 'verification-withdrawn'] as const;

/** Why an organisation waits for a steward: it is new, or its identity changed after it was verified. */
export const verificationReasons = ['registered', 'identity-changed'] as const;

export const contributionStatuses = ['published', 'withdrawn'] as const;
/** Who hid a contribution: a lead of its action's coalition, or a platform steward. */
export const moderators = ['lead', 'steward'] as const;

/** What a contribution is: an offer of help, or a request for help, of the same types (`offerTypes`). */
export const contributionKinds = ['offer', 'request'] as const;

/** The world's regions (the United Nations' M49 groups), where a contribution's help is offered or sought. */
export const regions = ['africa', 'americas', 'asia', 'europe', 'oceania'] as const;

/**
 * Where a cooperation between two organisations stands: proposed (a private thread) until both accept it (agreed, and
 * public from then on) or one declines it; then in progress, and delivered or stopped (with a reason).
 */
export const cooperationStatuses = ['proposed', 'declined', 'agreed', 'in-progress', 'delivered', 'stopped'] as const;

/** The statuses of a cooperation both organisations agreed to: public, counted, listed. */
export const publicCooperationStatuses = ['agreed', 'in-progress', 'delivered', 'stopped'] as const;

/** An organisation's place in a coalition: leads run it, members take part. */
export const coalitionRoles = ['lead', 'member'] as const;

/** A request to join waits (requested) until a lead approves (active) or declines it. */
export const membershipStatuses = ['requested', 'active', 'declined'] as const;

/** What a lead may do to a request or a membership. */
export const membershipChanges = ['approve', 'decline', 'remove', 'make-lead', 'make-member'] as const;

/** The public record of a coalition's membership. */
export const membershipEvents = ['joined', 'left', 'removed', 'became-lead', 'became-member'] as const;

/**
 * What the platform tells people, each kind with who is told: a request to join (the coalition's leads); the request
 * approved or declined, the organisation removed or made lead (the organisation's admins); a contribution hidden by a
 * lead or shown again (its author and its organisation's admins); a contribution added, an agenda item added, changed
 * or cancelled (the action's followers); a person added to an organisation (that person); new matches of a contribution,
 * once a week (its author and its organisation's admins); a cooperation proposed, written in, accepted by one side,
 * agreed by both or declined (the other side's admins, and its person in the thread: the contribution's author, or
 * the person who proposed); a message of a thread reported (the platform's stewards).
 */
export const membershipNotificationKinds = ['join-requested', 'request-approved', 'request-declined', 'member-removed', 'made-lead'] as const;
export const contributionNotificationKinds = ['contribution-added', 'contribution-hidden', 'contribution-shown', 'matches-found'] as const;
export const cooperationNotificationKinds = ['cooperation-proposed', 'cooperation-message', 'cooperation-accepted', 'cooperation-agreed', 'cooperation-declined'] as const;
/** Told to the platform's stewards: a message of a cooperation's thread was reported to them. */
export const stewardNotificationKinds = ['message-reported'] as const;
export const agendaNotificationKinds = ['agenda-item-added', 'agenda-item-changed', 'agenda-item-cancelled', 'agenda-item-starting'] as const;
export const notificationKinds = [
  ...membershipNotificationKinds,
  ...contributionNotificationKinds,
  ...agendaNotificationKinds,
  ...cooperationNotificationKinds,
  ...stewardNotificationKinds,
  'added-to-organisation',
  'action-created',
] as const;


/** What about an agenda item changed, when its action's followers are told: its time, place, online link or status. */
export const agendaChanges = ['time', 'place', 'link', 'status'] as const;

/** The languages the site, its e-mail and its messages are written in. */
export const siteLanguages = ['en', 'fr'] as const;

/** How often a kind of notification is e-mailed: at once, in a daily or weekly digest, or not at all. */
export const emailFrequencies = ['immediately', 'daily', 'weekly', 'never'] as const;

/** The digests: each gathers, in one e-mail, the notifications of the kinds a person asked for at that frequency. */
export const digestFrequencies = ['daily', 'weekly'] as const satisfies ReadonlyArray<(typeof emailFrequencies)[number]>;

/**
 * The frequencies a kind of notification may be e-mailed at: new contributions in digests only (there can be many a
 * day); a reminder that an agenda item starts tomorrow at once or not at all (a digest could come after it started).
 */
export const frequenciesOf = (kind: (typeof notificationKinds)[number]): ReadonlyArray<(typeof emailFrequencies)[number]> =>
  kind === 'contribution-added' ? [...digestFrequencies, 'never'] : kind === 'agenda-item-starting' ? ['immediately', 'never'] : emailFrequencies;

export const agendaKinds = ['milestone', 'meeting', 'event', 'deliverable'] as const;

export const agendaStatuses = ['planned', 'done', 'postponed', 'cancelled'] as const;

/** Where a contribution stands, as its author says: every contribution starts not started. */
export const contributionProgresses = ['not-started', 'in-progress', 'delivered'] as const;

/** Why a message of a cooperation's thread is reported to the platform's stewards. */
export const reportReasons = ['harassment', 'spam', 'fraud', 'other'] as const;

/** Where a report stands: waiting for a steward, or decided: the message hidden, or the report dismissed. */
export const reportStatuses = ['open', 'hidden', 'dismissed'] as const;

/** The identity provider group whose members are platform stewards. */
export const stewardsGroup = 'stewards';
