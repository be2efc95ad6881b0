// The platform's fixed vocabulary: the words every other module agrees on.

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

export const contributionStatuses = ['published', 'withdrawn'] as const;

/** The identity provider group whose members are platform stewards. */
export const stewardsGroup = 'stewards';
