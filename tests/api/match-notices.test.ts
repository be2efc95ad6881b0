// The weekly notices of new matches, against DynamoDB Local, the snapshot's index and MailDev: written by the service
// itself with a clock of the test's choosing (the Monday after this week's contributions), delivered by the platform's
// notifier. The fixture seeks and offers data in the digital-commons theme, which no other test does, with words of its own.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contribution, MatchPage, NewContribution } from '@collective-actions/shared';
import { matchNoticesWritten, noticePlace, weekTold, writeMatchNotices } from '@collective-actions/functions/data/match-notices.ts';
import { WriteRaced } from '@collective-actions/functions/data/toolkit.ts';
import { lastWeekEnd, writeWeeklyMatchNotices } from '@collective-actions/functions/services/match-notices.ts';
import { afterDelivery, afterNotifier, call, inboxOf, newAction, newContribution, newOrganisation, unique } from '../support/api.ts';
import { addressOf, mailAfterDelivery } from '../support/mail.ts';
import { snapshotAfter } from '../support/open-data.ts';

const word = () => `quib${crypto.randomUUID().replace(/[^a-f]/g, '').slice(0, 8)}`;

/** The run of the Monday after now, an hour after the week ends; again if the platform's own run wrote at the same moment. */
async function tellWeek(): Promise<number> {
  const at = new Date(Date.parse(lastWeekEnd(new Date(Date.now() + 7 * 86_400_000))) + 3600_000);
  for (;;) {
    try {
      return await writeWeeklyMatchNotices(at);
    } catch (error) {
      if (!(error instanceof WriteRaced)) throw error;
    }
  }
}

const notices = async (who: string) => (await inboxOf(who)).items.filter((item) => item.kind === 'matches-found');

const fixture = {} as { slug: string; city: string; cso: string; request: Contribution; offers: Contribution[]; unmatched: Contribution };

beforeAll(async () => {
  const [slug, sameTheme, climate] = await Promise.all([newAction('digital-commons'), newAction('digital-commons'), newAction('climate')]);
  const [city, cso] = [unique('city'), unique('cso')];
  // The city reads in French, and wants these at once.
  await call('GET', '/v1/me?language=fr', { as: city });
  expect((await call('PATCH', '/v1/me/settings', { as: city, body: { emails: { 'matches-found': 'immediately' } } })).status).toBe(200);
  const [cityOrganisation, csoOrganisation] = [await newOrganisation(city, { kind: 'local-government' }), await newOrganisation(cso)];
  const [shared, other] = [word(), word()];
  const request = await newContribution(city, slug, cityOrganisation.id, { kind: 'request', offers: ['data'], title: `${shared} ${other}`, text: `${shared} ${other}.`, links: [] });
  const offer = (action: string, fields: Partial<NewContribution>) => newContribution(cso, action, csoOrganisation.id, { offers: ['data'], links: [], ...fields });
  const offers = [
    await offer(slug, { title: `${shared} ${word()}`, text: `${word()}.` }),
    // The same theme, no word in common.
    await offer(sameTheme, { title: `${word()} ${word()}`, text: `${word()}.` }),
    // Elsewhere, a word in common.
    await offer(climate, { title: `${other} ${word()}`, text: `${word()}.` }),
  ];
  const unmatched = await offer(slug, { offers: ['funding'], title: `${shared} ${word()}`, text: `${word()}.` });
  Object.assign(fixture, { slug, city, cso, request, offers, unmatched });
  await snapshotAfter(new Date().toISOString());
});

describe('weekly notices of new matches', () => {
  it('tell a request how many of the week’s new offers match it, and each offer of the new request it could answer, once', async () => {
    await tellWeek();
    await afterNotifier(() => notices(fixture.cso), (told) => told.length >= 3);
    await afterDelivery();
    // The city's admin, of its request: its three offers (its action's, its theme's, and one elsewhere whose words meet
    // it), and no more than its page lists as new this week (another test running at once may add one).
    const [notice, ...others] = await notices(fixture.city);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ kind: 'matches-found', action: fixture.slug, contribution: { id: fixture.request.id, title: fixture.request.title, kind: 'request' }, read: false });
    const weekStart = lastWeekEnd(new Date());
    const listed = (await call<MatchPage>('GET', `/v1/actions/${fixture.slug}/contributions/${fixture.request.id}/matches?limit=50`)).body.items.filter(
      ({ contribution }) => contribution.createdAt >= weekStart,
    );
    expect(listed.map(({ contribution }) => contribution.id)).toEqual(expect.arrayContaining(fixture.offers.map(({ id }) => id)));
    const count = notice.kind === 'matches-found' ? notice.matches : 0;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(listed.length);
    // The organisation offering, of each offer: the request is new (the one elsewhere may have others, of other tests).
    const told = new Map((await notices(fixture.cso)).map((notice) => [notice.kind === 'matches-found' && notice.contribution.id, notice]));
    expect([...told.keys()].sort()).toEqual(fixture.offers.map(({ id }) => id).sort());
    const [here, sameTheme, elsewhere] = fixture.offers.map(({ id }) => told.get(id));
    expect([here, sameTheme]).toMatchObject([
      { contribution: { kind: 'offer' }, matches: 1 },
      { contribution: { kind: 'offer' }, matches: 1 },
    ]);
    expect(elsewhere).toMatchObject({ contribution: { kind: 'offer' } });

    // In French, at once, with the way to the matches.
    const [mail] = (await mailAfterDelivery(addressOf(fixture.city), 1)).filter((received) => received.subject.includes(fixture.request.title));
    expect(mail.subject).toBe(`${count} nouvelles offres correspondent à votre demande « ${fixture.request.title} » dans Action de test ${fixture.slug}.`);
    expect(mail.text).toContain(`/fr/actions/${fixture.slug}/contributions/${fixture.request.id}#matches`);

    // Another run, for the same week or the next: nothing new to tell of these.
    expect(await tellWeek()).toBe(0);
    await afterDelivery();
    expect(await notices(fixture.city)).toHaveLength(1);
    expect(await notices(fixture.cso)).toHaveLength(3);
  });

  it('take a week up where a run stopped: after the last contribution it looked at, and from no earlier', async () => {
    const { week } = (await matchNoticesWritten())!;
    const stoppedAt = async (after: string) => writeMatchNotices([], await matchNoticesWritten(), { week, after }, new Date().toISOString());
    // Stopped just before the request (its action's place, without its id): it is told again.
    await stoppedAt(`${fixture.request.action}/`);
    await tellWeek();
    await afterNotifier(() => notices(fixture.city), (told) => told.length >= 2);
    // Stopped just after it: not again.
    await stoppedAt(noticePlace(fixture.request));
    await tellWeek();
    await afterDelivery();
    expect(await notices(fixture.city)).toHaveLength(2);
    expect((await matchNoticesWritten())!).toEqual({ week, after: weekTold });
  });
});
