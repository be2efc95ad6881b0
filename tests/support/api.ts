// Talks to the running API as a client would: HTTP, bearer tokens from the identity provider's real sign-in flow.
import { inject } from 'vitest';
import { signIn } from '@collective-actions/functions/local/sign-in.ts';
import type { Contribution, NewContribution, NewOrganisation, Notification, Organisation } from '@collective-actions/shared';

export const apiUrl = inject('apiUrl');
const issuer = inject('issuer');

const tokens = new Map<string, Promise<string>>();

/** An access token for a login name; any name not among the demo accounts is a fresh person. */
export function tokenFor(login: string): Promise<string> {
  if (!tokens.has(login)) tokens.set(login, signIn(issuer, login));
  return tokens.get(login)!;
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  /** Who calls: a login name, or nobody. */
  as?: string;
  body?: unknown;
  /** Sent as is, instead of `body` as JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) headers.authorization = `Bearer ${await tokenFor(options.as)}`;
  let body = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the text itself
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** A name nobody used before: for login names, slugs, organisation names. */
export const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** A new action made by the demo steward, so a test owns every count on it; in the integrity theme unless told. */
export async function newAction(theme = 'integrity'): Promise<string> {
  const slug = unique('test-action');
  const reply = await call('POST', '/v1/actions', {
    as: 'steward',
    body: {
      slug,
      theme,
      title: { en: `Test action ${slug}`, fr: `Action de test ${slug}` },
      summary: { en: 'An action made by a test run.', fr: 'Une action créée par un test.' },
    },
  });
  if (reply.status !== 201) throw new Error(`Could not create an action: ${JSON.stringify(reply.body)}`);
  return slug;
}

export async function newOrganisation(admin: string, fields: Partial<NewOrganisation> = {}): Promise<Organisation> {
  const reply = await call<Organisation>('POST', '/v1/organisations', {
    as: admin,
    body: {
      name: unique('Test organisation'),
      kind: 'civil-society',
      country: 'FR',
      website: 'https://example.org/',
      ...fields,
    },
  });
  if (reply.status !== 201) throw new Error(`Could not register an organisation: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export const contributionBody = (organisationId: string, fields: Partial<NewContribution> = {}) => ({
  organisationId,
  offers: ['expertise'],
  title: 'Peer review of procurement data',
  text: 'We review the published procurement data and report gaps.',
  links: ['https://example.org/review'],
  language: 'en',
  ...fields,
});

export async function newContribution(
  author: string,
  slug: string,
  organisationId: string,
  fields: Partial<NewContribution> = {},
): Promise<Contribution> {
  const reply = await call<Contribution>('POST', `/v1/actions/${slug}/contributions`, {
    as: author,
    body: contributionBody(organisationId, fields),
  });
  if (reply.status !== 201) throw new Error(`Could not submit a contribution: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A new action whose coalition has a lead organisation, appointed by the demo steward. */
export async function newCoalition(): Promise<{ slug: string; lead: string; leadOrganisation: Organisation }> {
  const slug = await newAction();
  const lead = unique('lead');
  const leadOrganisation = await newOrganisation(lead, { name: unique('Lead organisation') });
  const reply = await call('POST', `/v1/actions/${slug}/leads`, { as: 'steward', body: { organisationId: leadOrganisation.id } });
  if (reply.status !== 201) throw new Error(`Could not appoint a lead: ${JSON.stringify(reply.body)}`);
  return { slug, lead, leadOrganisation };
}

/** Asks for a new organisation of `admin` to join; a lead's approval makes it an active member. */
export async function joinCoalition(
  slug: string,
  admin: string,
  approvedBy?: string,
  fields: Partial<NewOrganisation> = {},
): Promise<Organisation> {
  const organisation = await newOrganisation(admin, fields);
  const asked = await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: organisation.id } });
  if (asked.status !== 201) throw new Error(`Could not ask to join: ${JSON.stringify(asked.body)}`);
  if (approvedBy) {
    const approved = await call('PATCH', `/v1/actions/${slug}/members/${organisation.id}`, { as: approvedBy, body: { change: 'approve' } });
    if (approved.status !== 200) throw new Error(`Could not approve: ${JSON.stringify(approved.body)}`);
  }
  return organisation;
}

export interface Inbox {
  items: Notification[];
  next: string | null;
  unread: number;
}

export const inboxOf = async (who: string, query = '') => (await call<Inbox>('GET', `/v1/me/notifications${query}`, { as: who })).body;

/**
 * Asks again every 200 ms until the answer is as `done` says, or 15 s went by: the notifier (every second) works after
 * the request that gave it work. Answers the last answer either way, for the test's own assertion.
 */
export async function afterNotifier<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const answer = await ask();
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The inbox once the notifier has delivered what is pending: `expected` items, or what came in 15 s. */
export const inboxAfterDelivery = (who: string, expected: number) => afterNotifier(() => inboxOf(who), (inbox) => inbox.items.length >= expected);

/** Each notification as its kind and what it is about: an organisation's name, an agenda item's title, or an action. */
export const kinds = (inbox: Inbox) =>
  inbox.items.map((item) => `${item.kind} ${'agendaItem' in item ? item.agendaItem.title : 'organisation' in item ? item.organisation.name : item.action}`);

/** Long enough for the notifier (every second) to have delivered anything pending: to check that nothing came. */
export const afterDelivery = () => new Promise((resolve) => setTimeout(resolve, 2_000));
