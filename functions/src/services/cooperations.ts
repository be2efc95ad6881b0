// Cooperations: an organisation proposes to cooperate on another's contribution; their people talk in a private thread;
// once both organisations accept, the cooperation is public, and its sides say how it goes.
import { ulid } from 'ulid';
import {
  Conflict,
  Forbidden,
  NotFound,
  ValidationFailed,
  isPublicStatus,
  messageEditMinutes,
  statusesAfter,
  type Block,
  type CooperationList,
  type CooperationPage,
  type CooperationsQuery,
  type LatestCooperationsQuery,
  type CooperationView,
  type Message,
  type MessagePage,
  type NewCooperation,
  type NewReport,
  type NewProgressUpdate,
  type ProgressUpdate,
  type ProgressUpdatePage,
  type StatusChange,
} from '@collective-actions/shared';
import * as blocks from '../data/blocks.ts';
import * as contributionRecords from '../data/contributions.ts';
import * as cooperations from '../data/cooperations.ts';
import * as organisationRecords from '../data/organisations.ts';
import * as progress from '../data/progress.ts';
import * as reports from '../data/reports.ts';
import type { Caller } from './caller.ts';
import { getAction } from './actions.ts';
import {
  allows,
  authorise,
  authoriseEitherSide,
  cooperationCan,
  cooperationStanding,
  seesCooperation,
  sidesAllowing,
  type CooperationStanding,
} from './authorisation.ts';
import { now } from './clock.ts';
import { withRetries } from './retries.ts';

const viewOf = (cooperation: cooperations.StoredCooperation, standing: CooperationStanding): CooperationView => ({
  ...cooperations.publicCooperation(cooperation),
  can: cooperationCan(standing, cooperation),
});

/** The cooperation and the caller's standing toward its sides; one they may not see is not there. */
async function cooperationFor(caller: Caller | undefined, slug: string, id: string, consistent = false) {
  const cooperation = await cooperations.getCooperation(slug, id, consistent);
  if (!cooperation) throw new NotFound(`There is no cooperation ${id} on "${slug}".`);
  return { cooperation, standing: await cooperationStanding(caller, cooperation) };
}

/**
 * Proposes a cooperation on a public contribution, for one of the caller's organisations (not the contribution's own),
 * with a first message: the contribution's organisation is told. One proposal per organisation and contribution, until
 * it is declined.
 */
export async function proposeCooperation(caller: Caller, slug: string, contributionId: string, { organisationId, message }: NewCooperation): Promise<CooperationView> {
  const contribution = await contributionRecords.getContribution(slug, contributionId);
  if (contribution?.status !== 'published' || contribution.hidden) throw new NotFound(`There is no contribution ${contributionId} on "${slug}".`);
  await authorise(caller, 'propose-cooperation', { organisationId }, 'body');
  if (organisationId === contribution.organisation.id) {
    throw new ValidationFailed([{ pointer: '#/organisationId', detail: 'is the organisation of this contribution: propose for another of yours' }]);
  }
  const id = ulid();
  return withRetries(async () => {
    const [open, organisation, block] = await Promise.all([
      cooperations.openProposalOf(slug, contributionId, organisationId),
      organisationRecords.getOrganisation(organisationId, true),
      blocks.getBlock(contribution.organisation.id, organisationId),
    ]);
    if (block) throw new Forbidden(blocks.blockedReason(contribution.organisation, block.organisation));
    if (open) throw new Conflict(`Your organisation has already proposed a cooperation on this contribution: cooperation ${open}.`);
    const time = now();
    const cooperation: cooperations.StoredCooperation = {
      id,
      action: slug,
      contribution: { id: contribution.id, title: contribution.title, kind: contribution.kind },
      proposer: organisationRecords.summaryOf(organisation!),
      partner: contribution.organisation,
      status: 'proposed',
      accepted: { proposer: null, partner: null },
      agreedAt: null,
      reason: null,
      createdAt: time,
      updatedAt: time,
      proposedBy: caller.id,
      contributionAuthorId: contribution.authorId,
      revision: 1,
    };
    const first = cooperations.newMessage({ cooperation: id, organisation: cooperation.proposer, authorId: caller.id, authorName: caller.name, text: message, at: time });
    await cooperations.createCooperation(cooperation, first);
    return viewOf(cooperation, await cooperationStanding(caller, cooperation));
  });
}

/** An action's cooperations that both organisations agreed to, newest proposed first. */
export async function listCooperations(slug: string, query: CooperationsQuery): Promise<CooperationList> {
  await getAction(slug);
  return cooperations.listCooperations(slug, query);
}

/** The platform's cooperations that last came to a status: the latest delivered, say. */
export const latestCooperations = ({ status, ...page }: LatestCooperationsQuery): Promise<CooperationList> => cooperations.latestCooperations(status, page);

/** A cooperation: to anyone once agreed, to its two organisations' people before. */
export async function getCooperation(caller: Caller | undefined, slug: string, id: string): Promise<CooperationView> {
  const { cooperation, standing } = await cooperationFor(caller, slug, id);
  if (!seesCooperation(standing, cooperation)) throw new NotFound(`There is no cooperation ${id} on "${slug}".`);
  return viewOf(cooperation, standing);
}

/** The side named in the path, which must be one of the cooperation's. */
function sideNamed(cooperation: cooperations.StoredCooperation, organisationId: string) {
  if (cooperation.proposer.id !== organisationId && cooperation.partner.id !== organisationId) {
    throw new NotFound(`Organisation ${organisationId} is not one of the two organisations of cooperation ${cooperation.id}.`);
  }
}

/**
 * An admin accepts the cooperation for their organisation: once both have, it is agreed and public. Accepting again
 * changes nothing.
 */
export async function acceptCooperation(caller: Caller, slug: string, id: string, organisationId: string): Promise<CooperationView> {
  return withRetries(async () => {
    const { cooperation, standing } = await cooperationFor(caller, slug, id, true);
    authoriseEitherSide('read-cooperation-thread', standing, cooperation);
    sideNamed(cooperation, organisationId);
    await authorise(caller, 'accept-cooperation', { organisationId });
    const side = cooperation.proposer.id === organisationId ? 'proposer' : 'partner';
    if (cooperation.accepted[side]) return viewOf(cooperation, standing);
    if (cooperation.status !== 'proposed') throw new Conflict(`This cooperation was ${cooperation.status}: it can no longer be accepted.`);
    return viewOf(await cooperations.accept(cooperation, organisationId, caller.id, now()), standing);
  });
}

/**
 * A side moves the cooperation on: its admins decline a proposal, its people say an agreed one is in progress,
 * delivered or stopped (with why). Asking for the status it has already changes nothing.
 */
export async function changeCooperationStatus(caller: Caller, slug: string, id: string, change: StatusChange): Promise<CooperationView> {
  return withRetries(async () => {
    const { cooperation, standing } = await cooperationFor(caller, slug, id, true);
    const act = change.status === 'declined' ? 'decline-cooperation' : 'change-cooperation-status';
    authoriseEitherSide(act, standing, cooperation);
    if (cooperation.status === change.status) return viewOf(cooperation, standing);
    if (!statusesAfter[cooperation.status].includes(change.status)) {
      throw new Conflict(
        cooperation.status === 'proposed'
          ? 'This cooperation is only proposed: it can be declined, or agreed by both organisations, before anything else.'
          : `This cooperation is ${cooperation.status}: it can no longer become ${change.status}.`,
      );
    }
    // The caller's side: the one their standing allows (the proposer's, when they are of both).
    const organisationId = allows(act, standing!.proposer) ? cooperation.proposer.id : cooperation.partner.id;
    const reason = 'reason' in change ? (change.reason ?? null) : null;
    return viewOf(await cooperations.changeStatus(cooperation, { status: change.status, reason, organisationId }, caller.id, now()), standing);
  });
}

const editableUntil = (message: cooperations.StoredMessage) => new Date(Date.parse(message.at) + messageEditMinutes * 60_000).toISOString();

/** What the caller reads of a message: its text unless the stewards hid it; their own side's report, and whether they may report it. */
function messageView(message: cooperations.StoredMessage, caller: Caller, thread: { writable: boolean; reporters: string[] }): Message {
  const yours = message.authorId === caller.id;
  // The caller reports for a side of theirs other than the message's.
  const mayReport = thread.reporters.some((organisationId) => organisationId !== message.organisation.id);
  return {
    id: message.id,
    organisation: message.organisation,
    author: { name: message.authorName, you: yours },
    text: message.hiddenAt ? null : message.text,
    at: message.at,
    editedAt: message.editedAt,
    hiddenAt: message.hiddenAt,
    report: message.reportedBy && thread.reporters.includes(message.reportedBy) ? message.report : null,
    can: {
      edit: thread.writable && yours && !message.reportedBy && now() < editableUntil(message),
      report: !message.reportedBy && mayReport,
    },
  };
}

/** What the caller may do in the thread: write in it, and report the other side's messages. */
const threadCan = (standing: CooperationStanding, cooperation: cooperations.StoredCooperation) => ({
  writable: cooperationCan(standing, cooperation).write,
  reporters: sidesAllowing('report-message', standing, cooperation),
});

/** The thread, newest message first: its two organisations' people only. */
export async function listMessages(caller: Caller, slug: string, id: string, page: { cursor?: string; limit: number }): Promise<MessagePage> {
  const { cooperation, standing } = await cooperationFor(caller, slug, id);
  authoriseEitherSide('read-cooperation-thread', standing, cooperation);
  const { items, next } = await cooperations.listMessages(id, page);
  const can = threadCan(standing, cooperation);
  return { items: items.map((message) => messageView(message, caller, can)), next };
}

/** The caller's side: the organisation they act for by the act's rule (the proposer, when they are of both). */
const sideFor = (act: 'post-message' | 'post-cooperation-update', cooperation: cooperations.StoredCooperation, standing: CooperationStanding) =>
  allows(act, standing?.proposer) ? cooperation.proposer : cooperation.partner;

/** A message in the thread, for the caller's side: the other side is told. */
export async function postMessage(caller: Caller, slug: string, id: string, text: string): Promise<Message> {
  const { cooperation, standing } = await cooperationFor(caller, slug, id);
  authoriseEitherSide('post-message', standing, cooperation);
  if (cooperation.status === 'declined') throw new Conflict('This cooperation was declined: its thread is closed.');
  const writer = sideFor('post-message', cooperation, standing);
  const other = writer.id === cooperation.proposer.id ? cooperation.partner : cooperation.proposer;
  if (await blocks.getBlock(other.id, writer.id)) throw new Forbidden(blocks.blockedReason(other, writer));
  const message = cooperations.newMessage({
    cooperation: id,
    organisation: writer,
    authorId: caller.id,
    authorName: caller.name,
    text,
    at: now(),
  });
  await cooperations.postMessage(cooperation, message);
  return messageView(message, caller, threadCan(standing, cooperation));
}

/** A cooperation's public progress updates, newest first: none before both organisations agreed to it. */
export async function listCooperationUpdates(slug: string, id: string, page: { cursor?: string; limit: number }): Promise<ProgressUpdatePage> {
  const cooperation = await cooperations.getCooperation(slug, id);
  if (!cooperation || !isPublicStatus(cooperation.status)) throw new NotFound(`There is no cooperation ${id} on "${slug}".`);
  return progress.listUpdates(slug, id, page);
}

/** One of either organisation's people posts a public progress update, for their side, on an agreed cooperation. */
export async function postCooperationUpdate(caller: Caller, slug: string, id: string, input: NewProgressUpdate): Promise<ProgressUpdate> {
  const { cooperation, standing } = await cooperationFor(caller, slug, id);
  authoriseEitherSide('post-cooperation-update', standing, cooperation);
  if (!isPublicStatus(cooperation.status)) throw new Conflict('Only a cooperation both organisations agreed to has progress updates.');
  const update = progress.newUpdate({ organisation: sideFor('post-cooperation-update', cooperation, standing), text: input.text, link: input.link, at: now() });
  await progress.postCooperationUpdate(slug, id, update, caller.id);
  return update;
}

/** Its author rewrites a message, within minutes of posting it. */
export async function editMessage(caller: Caller, slug: string, id: string, messageId: string, text: string): Promise<Message> {
  const { cooperation, standing } = await cooperationFor(caller, slug, id);
  authoriseEitherSide('read-cooperation-thread', standing, cooperation);
  const message = await cooperations.getMessage(id, messageId);
  if (!message) throw new NotFound(`There is no message ${messageId} in this thread.`);
  await authorise(caller, 'edit-message', { authorId: message.authorId });
  if (cooperation.status === 'declined') throw new Conflict('This cooperation was declined: its thread is closed.');
  const time = now();
  const postedSince = new Date(Date.parse(time) - messageEditMinutes * 60_000).toISOString();
  if (!(await cooperations.editMessage(message, text, postedSince, time))) {
    throw new Conflict(
      message.reportedBy
        ? 'This message was reported to the platform’s stewards: it can no longer be changed.'
        : `A message can be changed for ${messageEditMinutes} minutes after it is posted: write a new one.`,
    );
  }
  return messageView({ ...message, text, editedAt: time }, caller, threadCan(standing, cooperation));
}

/**
 * One of the other organisation's people reports a message to the platform's stewards, who are told; from then on they
 * read it (and nothing else of the thread), and its author may no longer change it. A message is reported once.
 */
export async function reportMessage(caller: Caller, slug: string, id: string, messageId: string, { reason, note }: NewReport): Promise<Message> {
  const { cooperation, standing } = await cooperationFor(caller, slug, id);
  authoriseEitherSide('read-cooperation-thread', standing, cooperation);
  const message = await cooperations.getMessage(id, messageId);
  if (!message) throw new NotFound(`There is no message ${messageId} in this thread.`);
  const reporter = sidesAllowing('report-message', standing, cooperation).find((organisationId) => organisationId !== message.organisation.id);
  if (!reporter) throw new Forbidden('Only the other organisation’s people may report a message: this one is from your own.');
  const { proposer, partner, contribution } = cooperation;
  const about = { action: slug, cooperation: { id, proposer, partner, contribution: { id: contribution.id, title: contribution.title } } };
  const side = reporter === cooperation.proposer.id ? cooperation.proposer : cooperation.partner;
  await reports.createReport(message, about, { organisation: side, personId: caller.id }, reason, note || null, now());
  return messageView({ ...message, reportedBy: reporter, report: 'open' }, caller, threadCan(standing, cooperation));
}

/** An organisation's cooperations, proposed by it or to it, newest first: for its people. */
export async function listOrganisationCooperations(caller: Caller, organisationId: string, page: { cursor?: string; limit: number }): Promise<CooperationPage> {
  await authorise(caller, 'list-cooperations', { organisationId });
  const { items, next } = await cooperations.listCooperationsOf(organisationId, page);
  const standings = await Promise.all(items.map((cooperation) => cooperationStanding(caller, cooperation)));
  return { items: items.map((cooperation, index) => viewOf(cooperation, standings[index])), next };
}

/** Whom an organisation blocked: for its people. */
export async function listBlocks(caller: Caller, organisationId: string): Promise<{ items: Block[] }> {
  await authorise(caller, 'list-blocks', { organisationId });
  return { items: await blocks.listBlocks(organisationId) };
}

/** An admin blocks another organisation: from now on, it may not propose to theirs, nor write in their threads. */
export async function blockOrganisation(caller: Caller, organisationId: string, blockedId: string): Promise<Block> {
  await authorise(caller, 'block-organisation', { organisationId });
  if (blockedId === organisationId) throw new ValidationFailed([{ parameter: 'organisationId', detail: 'is the blocking organisation itself' }]);
  const blocked = await organisationRecords.getOrganisation(blockedId);
  if (!blocked) throw new NotFound(`There is no organisation ${blockedId}.`);
  return blocks.putBlock(organisationId, organisationRecords.summaryOf(blocked), caller.id, now());
}

export async function unblockOrganisation(caller: Caller, organisationId: string, blockedId: string): Promise<void> {
  await authorise(caller, 'unblock-organisation', { organisationId });
  if (!(await blocks.getBlock(organisationId, blockedId))) throw new NotFound(`Organisation ${blockedId} is not blocked.`);
  await blocks.deleteBlock(organisationId, blockedId);
}
