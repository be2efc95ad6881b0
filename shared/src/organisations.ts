// Organisations (governments, local governments, civil society, international organisations) and their people.
import * as z from 'zod';
import { countryCode, cursor, httpsUrl, id, limit, line, patchOf, text, timestamp, version } from './common.ts';
import { identityFields, organisationEvents, organisationKinds, organisationRoles, verificationReasons } from './vocabulary.ts';

export const organisationKind = z.enum(organisationKinds, {
  error: `must be one of: ${organisationKinds.join(', ')}`,
});

export const organisationRole = z.enum(organisationRoles, {
  error: `must be one of: ${organisationRoles.join(', ')}`,
});

const organisationFields = {
  name: line(2, 200),
  kind: organisationKind,
  country: countryCode,
  website: httpsUrl,
};

export const newOrganisation = z.strictObject(organisationFields);

export const organisationChanges = patchOf({
  name: organisationFields.name.optional(),
  kind: organisationFields.kind.optional(),
  country: organisationFields.country.optional(),
  website: organisationFields.website.optional(),
});

export const organisation = z.object({
  id,
  ...organisationFields,
  verified: z.boolean(),
  verifiedAt: timestamp.nullable(),
  /** Published contributions across all actions. */
  contributionCount: z.int(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** What a contribution or a membership shows of its organisation. */
export const organisationSummary = organisation.pick({ id: true, name: true, kind: true, country: true });

export const organisationsQuery = z.strictObject({
  /** Those whose name starts with this, whatever their accents or case. */
  name: line(1, 200).optional(),
  kind: organisationKind.optional(),
  country: countryCode.optional(),
  cursor: cursor.optional(),
  limit,
});

export const organisationPage = z.object({ items: z.array(organisation), next: z.string().nullable() });

export const email = z
  .email('must be an e-mail address')
  .max(254, 'must be at most 254 characters')
  .transform((value) => value.toLowerCase());

/** A steward verifies the organisation as they read it: its identity at that version. */
export const verification = z.strictObject({
  version,
  /** What the steward checked, shown in the organisation's public history. */
  note: text(1, 500).optional(),
});

/** A steward withdraws a verification, at the version read, saying why (shown in the public history). */
export const verificationWithdrawal = z.strictObject({ version, note: text(3, 500) });

const identityField = z.enum(identityFields);

/** An entry of an organisation's public history: verified, or its verification withdrawn (by a steward, or when its identity changed). */
export const organisationEvent = z.object({
  id,
  event: z.enum(organisationEvents),
  at: timestamp,
  /** What changed, for a verification withdrawn when the identity changed (none when a steward withdrew it). */
  changed: z.array(identityField),
  /** What the steward wrote when verifying, or why they withdrew the verification. */
  note: z.string().nullable(),
});

export const organisationHistory = z.object({ items: z.array(organisationEvent), next: z.string().nullable() });

/** An organisation waiting for a steward's verification, as it is now. */
export const verificationRequest = z.object({
  organisation,
  reason: z.enum(verificationReasons),
  /** What changed since it was verified, for an identity change. */
  changed: z.array(identityField),
  since: timestamp,
});

export const verificationQueue = z.object({ items: z.array(verificationRequest), next: z.string().nullable() });

export const newPerson = z.strictObject({ email, role: organisationRole.default('member') });

/** Someone in an organisation (after they signed in) or invited to it (before). Never public. */
export const person = z.object({
  /** Only the caller's own address, and, for the organisation's admins, those of the people invited. */
  email: z.string().nullable(),
  name: z.string().nullable(),
  role: organisationRole,
  status: z.enum(['active', 'invited']),
  since: timestamp,
});

export const people = z.object({ items: z.array(person) });

export type OrganisationKind = z.infer<typeof organisationKind>;
export type OrganisationRole = z.infer<typeof organisationRole>;
export type NewOrganisation = z.infer<typeof newOrganisation>;
export type OrganisationChanges = z.infer<typeof organisationChanges>;
export type Organisation = z.infer<typeof organisation>;
export type OrganisationSummary = z.infer<typeof organisationSummary>;
export type OrganisationsQuery = z.infer<typeof organisationsQuery>;
export type OrganisationPage = z.infer<typeof organisationPage>;
export type NewPerson = z.infer<typeof newPerson>;
export type Verification = z.infer<typeof verification>;
export type VerificationWithdrawal = z.infer<typeof verificationWithdrawal>;
export type IdentityField = z.infer<typeof identityField>;
export type OrganisationEvent = z.infer<typeof organisationEvent>;
export type VerificationRequest = z.infer<typeof verificationRequest>;
export type Person = z.infer<typeof person>;

export const organisationPath = z.strictObject({ id });
