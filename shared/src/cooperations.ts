// Cooperations: one organisation proposes to another to cooperate on one of its contributions (an offer or a request).
// The two talk in a private thread; once both accept, the cooperation is public, with its status.
import * as z from 'zod';
import { cursor, id, limit, slug, text, timestamp } from './common.ts';
import { contributionKind } from './contributions.ts';
import { organisationSummary } from './organisations.ts';
import { cooperationStatuses, publicCooperationStatuses, reportReasons, reportStatuses } from './vocabulary.ts';

export const cooperationStatus = z.enum(cooperationStatuses, { error: `must be one of: ${cooperationStatuses.join(', ')}` });
export const publicCooperationStatus = z.enum(publicCooperationStatuses, { error: `must be one of: ${publicCooperationStatuses.join(', ')}` });

/** Whether a cooperation of this status is public: both organisations agreed to it. */
export const isPublicStatus = (status: (typeof cooperationStatuses)[number]): status is (typeof publicCooperationStatuses)[number] =>
  (publicCooperationStatuses as readonly string[]).includes(status);

/**
 * Which status may follow which: a proposal is declined (or agreed, by both sides' acceptances); an agreed cooperation
 * goes on, to in progress, delivered or stopped; declined, delivered and stopped are final.
 */
export const statusesAfter: Record<(typeof cooperationStatuses)[number], ReadonlyArray<(typeof cooperationStatuses)[number]>> = {
  proposed: ['declined'],
  declined: [],
  agreed: ['in-progress', 'delivered', 'stopped'],
  'in-progress': ['delivered', 'stopped'],
  delivered: [],
  stopped: [],
};

/** How long after it is posted its author may change a message. */
export const messageEditMinutes = 15;

/** A message of a thread: plain text, in which web addresses are links. */
const messageText = text(1, 5000);

/** Proposes a cooperation on a contribution, for one of the caller's organisations, with the thread's first message. */
export const newCooperation = z.strictObject({ organisationId: id, message: messageText });

/** The two sides of a cooperation: the organisation that proposed it, and the contribution's organisation. */
export const cooperationSides = ['proposer', 'partner'] as const;

export const cooperation = z.object({
  id,
  action: slug,
  /** The contribution it is about, as it was titled when it was proposed. */
  contribution: z.object({ id, title: z.string(), kind: contributionKind }),
  proposer: organisationSummary,
  /** The contribution's organisation. */
  partner: organisationSummary,
  status: cooperationStatus,
  /** When each side accepted it: both, once agreed. */
  accepted: z.object({ proposer: timestamp.nullable(), partner: timestamp.nullable() }),
  agreedAt: timestamp.nullable(),
  /** Why it was declined or stopped, when the side that did so said. */
  reason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const may = (description: string) => z.boolean().meta({ description });

export const cooperationCan = z.object({
  read: may('Read its thread (the people of both organisations)'),
  write: may('Read and write in its thread (the people of both organisations)'),
  accept: z.array(id).meta({ description: 'The sides the caller may accept it for (as one of their admins), until they have' }),
  decline: may('Decline it, while it is proposed (the admins of both organisations)'),
  changeStatus: may('Say it is in progress, delivered or stopped, once agreed (the people of both organisations)'),
  postUpdate: may('Post a public progress update, once agreed (the people of both organisations)'),
});

/** A cooperation, to its two organisations' people while it is proposed or declined, and to anyone once agreed. */
export const cooperationView = cooperation.extend({ can: cooperationCan });

/** Where an agreed cooperation goes next: in progress, then delivered or stopped; a proposed one may be declined. */
export const statusChange = z.discriminatedUnion(
  'status',
  [
    z.strictObject({ status: z.literal('declined'), reason: text(3, 500).optional() }),
    z.strictObject({ status: z.literal('in-progress') }),
    z.strictObject({ status: z.literal('delivered') }),
    z.strictObject({ status: z.literal('stopped'), reason: text(3, 500) }),
  ],
  { error: 'must be one of: declined, in-progress, delivered, stopped' },
);

export const newMessage = z.strictObject({ text: messageText });

export const reportReason = z.enum(reportReasons, { error: `must be one of: ${reportReasons.join(', ')}` });
export const reportStatus = z.enum(reportStatuses, { error: `must be one of: ${reportStatuses.join(', ')}` });

export const message = z.object({
  id,
  /** The side it was written for. */
  organisation: organisationSummary,
  author: z.object({ name: z.string().nullable(), you: z.boolean().meta({ description: 'Whether the caller wrote it' }) }),
  /** None once the platform's stewards hid it. */
  text: z.string().nullable(),
  at: timestamp,
  editedAt: timestamp.nullable(),
  hiddenAt: timestamp.nullable().meta({ description: "When the platform's stewards hid it, after a report" }),
  /** To the side that reported it: where their report stands (the other side is not told of a report). */
  report: reportStatus.nullable(),
  can: z.object({
    edit: may(`Change it (its author, for ${messageEditMinutes} minutes after posting it, unless it was reported)`),
    report: may("Report it to the platform's stewards (the people of the other organisation, once)"),
  }),
});

/** A thread's messages, newest first. */
export const messagePage = z.object({ items: z.array(message), next: z.string().nullable() });

/** Cooperations both organisations agreed to: an action's (on one of its contributions, when told), or the platform's of a status. */
export const cooperationsQuery = z.strictObject({
  status: publicCooperationStatus.optional(),
  contribution: id.optional(),
  cursor: cursor.optional(),
  limit,
});
export const latestCooperationsQuery = z.strictObject({ status: publicCooperationStatus.default('delivered'), cursor: cursor.optional(), limit });

/** Public cooperations, newest first. */
export const cooperationList = z.object({ items: z.array(cooperation), next: z.string().nullable() });

/** An organisation's cooperations, proposed by it or to it, newest first. */
export const cooperationPage = z.object({ items: z.array(cooperationView), next: z.string().nullable() });

/** An organisation another blocked: it may no longer propose cooperations to it, nor write in their threads. */
export const block = z.object({ organisation: organisationSummary, since: timestamp });
export const blockList = z.object({ items: z.array(block) });

export const cooperationPath = z.strictObject({ slug, id });
export const blockPath = z.strictObject({ id, organisationId: id });
export const acceptancePath = z.strictObject({ slug, id, organisationId: id });
export const messagePath = z.strictObject({ slug, id, messageId: id });

/** Reports a message to the platform's stewards, who alone then read it (not the rest of its thread). */
export const newReport = z.strictObject({ reason: reportReason, note: text(0, 1000).optional() });

/** A reported message as the stewards' queue shows it: the message as it was reported, and nothing else of its thread. */
export const messageReport = z.object({
  /** The message's own id: a message is reported once. */
  id,
  action: slug,
  cooperation: z.object({ id, proposer: organisationSummary, partner: organisationSummary, contribution: z.object({ id, title: z.string() }) }),
  message: z.object({ organisation: organisationSummary, authorName: z.string().nullable(), text: z.string(), at: timestamp }),
  reason: reportReason,
  note: z.string().nullable(),
  reportedBy: organisationSummary,
  reportedAt: timestamp,
  status: reportStatus,
  /** The steward's decision, with their note. */
  decidedAt: timestamp.nullable(),
  decisionNote: z.string().nullable(),
});

/** The stewards' queue: open reports oldest first, decided ones newest first. */
export const reportsQuery = z.strictObject({ status: reportStatus.default('open'), cursor: cursor.optional(), limit });
export const reportPage = z.object({ items: z.array(messageReport), next: z.string().nullable() });

/** A steward's decision on a report: hide the message from its thread, or leave it; a note says why. */
export const reportDecision = z.strictObject({
  decision: z.enum(['hide', 'dismiss'], { error: 'must be one of: hide, dismiss' }),
  note: text(0, 1000).optional(),
});
export const reportPath = z.strictObject({ id });

export type CooperationStatus = z.infer<typeof cooperationStatus>;
export type PublicCooperationStatus = z.infer<typeof publicCooperationStatus>;
export type CooperationsQuery = z.infer<typeof cooperationsQuery>;
export type LatestCooperationsQuery = z.infer<typeof latestCooperationsQuery>;
export type CooperationList = z.infer<typeof cooperationList>;
export type CooperationSide = (typeof cooperationSides)[number];
export type NewCooperation = z.infer<typeof newCooperation>;
export type Cooperation = z.infer<typeof cooperation>;
export type CooperationCan = z.infer<typeof cooperationCan>;
export type CooperationView = z.infer<typeof cooperationView>;
export type StatusChange = z.infer<typeof statusChange>;
export type NewMessage = z.infer<typeof newMessage>;
export type Message = z.infer<typeof message>;
export type MessagePage = z.infer<typeof messagePage>;
export type CooperationPage = z.infer<typeof cooperationPage>;
export type Block = z.infer<typeof block>;
export type NewReport = z.infer<typeof newReport>;
export type MessageReport = z.infer<typeof messageReport>;
export type ReportsQuery = z.infer<typeof reportsQuery>;
export type ReportPage = z.infer<typeof reportPage>;
export type ReportDecision = z.infer<typeof reportDecision>;
export type ReportStatus = z.infer<typeof reportStatus>;
export type ReportReason = z.infer<typeof reportReason>;
