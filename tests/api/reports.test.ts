// Reports against DynamoDB Local: one side reports a message of the other's to the platform's stewards, who are told,
// read that message (nothing else of its thread), and hide it or leave it; the report takes effect at once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contribution, Message, MessageReport } from '@collective-actions/shared';
import { afterNotifier, call, inboxOf, newAction, newContribution, unique } from '../support/api.ts';
import { newSide, pathOf, propose, type Side } from '../support/cooperations.ts';

const fixture = {} as { city: Side; cso: Side; outsider: Side; offer: Contribution; thread: string };

const write = async (as: string, text: string) => {
  const posted = await call<Message>('POST', `${fixture.thread}/messages`, { as, body: { text } });
  expect(posted.status).toBe(201);
  return posted.body;
};
const threadAs = async (as: string) => (await call<{ items: Message[] }>('GET', `${fixture.thread}/messages`, { as })).body.items;
const report = (as: string | undefined, messageId: string, body: unknown = { reason: 'harassment' }) =>
  call('POST', `${fixture.thread}/messages/${messageId}/report`, { as, body });
const queue = async (status = 'open') => (await call<{ items: MessageReport[] }>('GET', `/v1/reports?status=${status}&limit=100`, { as: 'steward' })).body.items;
const decide = (id: string, body: unknown) => call<MessageReport>('PUT', `/v1/reports/${id}/decision`, { as: 'steward', body });

beforeAll(async () => {
  const slug = await newAction('digital-commons');
  const [city, cso, outsider] = await Promise.all([newSide('ReportCity'), newSide('ReportCSO'), newSide('ReportOutsider')]);
  // The steward signed in: the platform knows to tell them.
  await call('GET', '/v1/me', { as: 'steward' });
  const offer = await newContribution(cso.member, slug, cso.organisation.id, { title: 'Registers of beneficial owners' });
  const proposed = await propose(city.member, offer, city.organisation.id, `A first word ${unique('private')} that only the thread holds.`);
  Object.assign(fixture, { city, cso, outsider, offer, thread: pathOf(proposed.body) });
});

describe('a report', () => {
  it('is for the other side’s people, once per message; it marks the message for them alone, and freezes it', async () => {
    const { city, cso, outsider } = fixture;
    const words = unique('abusive');
    const abusive = await write(cso.member, `You will regret this, ${words}.`);
    const own = await write(city.member, 'Our own message.');

    // Who may report what: the other side's people, on the other side's messages.
    const [cityView] = (await threadAs(city.admin)).filter((message) => message.id === abusive.id);
    expect(cityView.can).toMatchObject({ report: true });
    expect((await threadAs(city.admin)).find((message) => message.id === own.id)!.can.report).toBe(false);
    expect((await threadAs(cso.admin)).find((message) => message.id === abusive.id)!.can.report).toBe(false);

    // Refused, and nothing recorded: a bad reason, a long note, one's own side, a stranger, a steward, nobody.
    expect((await report(city.member, abusive.id, { reason: 'rude' })).status).toBe(400);
    expect((await report(city.member, abusive.id, { reason: 'other', note: 'x'.repeat(1001) })).status).toBe(400);
    expect((await report(city.member, abusive.id, { reason: 'spam', extra: true })).status).toBe(400);
    expect((await report(city.member, '01JZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
    const ownSide = await report(cso.admin, abusive.id);
    expect(ownSide.status).toBe(403);
    expect(ownSide.body.detail).toMatch(/other organisation/);
    expect((await report(outsider.admin, abusive.id)).status).toBe(404);
    expect((await report('steward', abusive.id)).status).toBe(404);
    expect((await report(undefined, abusive.id)).status).toBe(401);
    expect((await queue()).find((item) => item.id === abusive.id)).toBeUndefined();

    const reported = await report(city.member, abusive.id, { reason: 'harassment', note: 'They threatened our team.' });
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ id: abusive.id, report: 'open', hiddenAt: null, can: { report: false } });
    // Once: another person of the same side, or the same again, gets 409.
    expect((await report(city.admin, abusive.id, { reason: 'spam' })).status).toBe(409);
    // The reporting side sees its report; the reported side is not told of it.
    expect((await threadAs(city.admin)).find((message) => message.id === abusive.id)).toMatchObject({ report: 'open', can: { report: false } });
    expect((await threadAs(cso.member)).find((message) => message.id === abusive.id)).toMatchObject({ report: null, text: abusive.text });
    // Its author may no longer change it, even within the 15 minutes.
    const edit = await call('PATCH', `${fixture.thread}/messages/${abusive.id}`, { as: cso.member, body: { text: 'I never said that.' } });
    expect(edit.status).toBe(409);
    expect(edit.body.detail).toMatch(/reported/);
  });

  it('tells the stewards, whose queue holds the reported message and nothing else of its thread', async () => {
    const { city, cso } = fixture;
    const words = unique('scam');
    const scam = await write(cso.admin, `Send the fee to ${words} first.`);
    await report(city.admin, scam.id, { reason: 'fraud' });

    const isThis = (notice: { kind: string; report?: { id: string } }) => notice.kind === 'message-reported' && notice.report?.id === scam.id;
    const inbox = await afterNotifier(() => inboxOf('steward'), ({ items }) => items.some(isThis));
    expect(inbox.items.find(isThis)).toMatchObject({
      organisation: { id: cso.organisation.id },
      report: { id: scam.id, reason: 'fraud' },
    });
    const open = await queue();
    const item = open.find((candidate) => candidate.id === scam.id)!;
    expect(item).toMatchObject({
      action: fixture.offer.action,
      cooperation: { proposer: { id: city.organisation.id }, partner: { id: cso.organisation.id }, contribution: { id: fixture.offer.id } },
      message: { organisation: { id: cso.organisation.id }, text: scam.text },
      reason: 'fraud',
      note: null,
      reportedBy: { id: city.organisation.id },
      status: 'open',
      decidedAt: null,
    });
    // Oldest first; and no word of the thread that was not reported.
    expect(open.map((candidate) => candidate.reportedAt)).toEqual(open.map((candidate) => candidate.reportedAt).toSorted());
    const firstMessage = (await threadAs(city.member)).at(-1)!;
    expect(JSON.stringify(open)).not.toContain(firstMessage.text);
    // The steward still may not read the thread itself.
    expect((await call('GET', `${fixture.thread}/messages`, { as: 'steward' })).status).toBe(404);
    // Nobody else reads the queue or decides.
    for (const as of [city.admin, cso.admin, undefined]) {
      expect((await call('GET', '/v1/reports', { as })).status).toBe(as ? 403 : 401);
      expect((await call('PUT', `/v1/reports/${scam.id}/decision`, { as, body: { decision: 'hide' } })).status).toBe(as ? 403 : 401);
    }
  });

  it('hides the message from both sides when a steward decides so, at once and once', async () => {
    const { city, cso } = fixture;
    const message = await write(cso.member, `Hidden soon: ${unique('insult')}.`);
    await report(city.member, message.id, { reason: 'harassment' });

    expect((await decide(message.id, { decision: 'erase' })).status).toBe(400);
    expect((await decide('01JZZZZZZZZZZZZZZZZZZZZZZZ', { decision: 'hide' })).status).toBe(404);
    const hidden = await decide(message.id, { decision: 'hide', note: 'A threat: against the platform’s rules.' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ status: 'hidden', decisionNote: 'A threat: against the platform’s rules.', decidedAt: expect.any(String) });
    // The same decision again changes nothing; another one is refused.
    expect((await decide(message.id, { decision: 'hide' })).body.decidedAt).toBe(hidden.body.decidedAt);
    expect((await decide(message.id, { decision: 'dismiss' })).status).toBe(409);

    for (const as of [city.member, cso.member, cso.admin]) {
      const seen = (await threadAs(as)).find((candidate) => candidate.id === message.id)!;
      expect(seen).toMatchObject({ text: null, hiddenAt: hidden.body.decidedAt, can: { edit: false, report: false } });
    }
    expect((await threadAs(city.admin)).find((candidate) => candidate.id === message.id)!.report).toBe('hidden');
    expect((await queue()).find((item) => item.id === message.id)).toBeUndefined();
    expect((await queue('hidden')).find((item) => item.id === message.id)).toMatchObject({ status: 'hidden', message: { text: message.text } });
  });

  it('leaves the message as it is when the steward dismisses the report, and tells the reporting side', async () => {
    const { city, cso } = fixture;
    const message = await write(city.admin, 'A blunt but fair answer.');
    await report(cso.member, message.id, { reason: 'other', note: 'Rude?' });
    expect((await decide(message.id, { decision: 'dismiss' })).body).toMatchObject({ status: 'dismissed', decisionNote: null });
    expect((await threadAs(cso.admin)).find((candidate) => candidate.id === message.id)).toMatchObject({ text: message.text, report: 'dismissed', hiddenAt: null });
    expect((await threadAs(city.member)).find((candidate) => candidate.id === message.id)).toMatchObject({ report: null });
    const dismissed = await queue('dismissed');
    expect(dismissed.find((item) => item.id === message.id)).toMatchObject({ note: 'Rude?' });
    // Newest decision first.
    expect(dismissed.map((item) => item.decidedAt)).toEqual(dismissed.map((item) => item.decidedAt).toSorted().toReversed());
  });
});
