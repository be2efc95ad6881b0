import { describe, expect, it } from 'vitest';
import type { Settings } from '@collective-actions/shared';
import { afterDelivery, apiUrl, call, inboxAfterDelivery, inboxOf, joinCoalition, newCoalition, newContribution, newOrganisation, tokenFor, unique } from '../support/api.ts';
import { addressOf, mailAfterDelivery, mailTo, sentHeaders } from '../support/mail.ts';

const settingsOf = async (who: string) => (await call<Settings>('GET', '/v1/me/settings', { as: who })).body;

describe('e-mail', () => {
  it("tells a coalition's lead of a request at once, in the language they signed in with, with both parts and its headers", async () => {
    const { slug, lead } = await newCoalition();
    expect((await call('GET', '/v1/me?language=fr', { as: lead })).status).toBe(200);
    const admin = unique('asker');
    const organisation = await newOrganisation(admin, { name: `Mairie <b>${unique('de Démo')}</b> & "fils"` });
    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: organisation.id } })).status).toBe(201);

    const [mail] = await mailAfterDelivery(addressOf(lead), 1);
    expect(mail, 'the lead got no e-mail').toBeDefined();
    expect(mail.from).toEqual([{ address: 'notifications@collective-actions.localhost', name: 'Collective Actions' }]);
    expect(mail.to).toEqual([expect.objectContaining({ address: addressOf(lead) })]);
    const sentence = `${organisation.name} demande à rejoindre la coalition de l’action Action de test ${slug}.`;
    expect(mail.subject).toBe(sentence);
    expect(mail.text).toContain(sentence);
    expect(mail.headers['content-language']).toBe('fr');
    const [{ id }] = (await inboxAfterDelivery(lead, 2)).items;
    expect(mail.headers['message-id']).toBe(`<${id}.${lead}@collective-actions.test>`);
    const link = `https://collective-actions.test/fr/actions/${slug}/console`;
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('https://collective-actions.test/fr/settings');
    expect(mail.html).toContain('lang="fr"');
    expect(mail.html).toContain(`href="${link}"`);
    // What the organisation named itself is text in the HTML part, never markup.
    expect(mail.html).toContain('Mairie &lt;b&gt;');
    expect(mail.html).not.toContain('<b>de Démo');
    // Nobody else was written to, and the lead's inbox does not show the asker's address.
    expect(await mailTo(addressOf(admin))).toEqual([]);
    expect(JSON.stringify(await inboxOf(lead))).not.toContain(addressOf(admin));
  });

  it('follows each person’s settings: a kind they turned off comes to the inbox only', async () => {
    const { slug, lead } = await newCoalition();
    // Signing in through the site (which reads /me) is where the verified address is recorded.
    expect(await settingsOf(lead)).toMatchObject({ email: null, emailStopped: false });
    await call('GET', '/v1/me', { as: lead });
    expect(await settingsOf(lead)).toMatchObject({
      email: addressOf(lead),
      language: 'en',
      timeZone: 'UTC',
      emails: { 'join-requested': 'immediately', 'request-approved': 'daily', 'agenda-item-changed': 'daily' },
    });
    const changed = await call<Settings>('PATCH', '/v1/me/settings', { as: lead, body: { emails: { 'join-requested': 'never' }, timeZone: 'America/Lima' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ timeZone: 'America/Lima', emails: { 'join-requested': 'never', 'made-lead': 'daily' } });

    await joinCoalition(slug, unique('asker'));
    expect((await inboxAfterDelivery(lead, 2)).items.map((item) => item.kind)).toEqual(['join-requested', 'made-lead']);
    await afterDelivery();
    expect(await mailTo(addressOf(lead))).toEqual([]);

    // A language chosen on the settings page stays, whatever the site is read in at the next sign-in.
    await call('PATCH', '/v1/me/settings', { as: lead, body: { language: 'fr' } });
    await call('GET', '/v1/me?language=en', { as: lead });
    expect((await settingsOf(lead)).language).toBe('fr');
  });

  it('keeps a subject on one line, whatever the notification quotes', async () => {
    const { slug, lead } = await newCoalition();
    const author = unique('author');
    const organisation = await joinCoalition(slug, author, lead);
    await call('GET', '/v1/me', { as: author });
    await call('PATCH', '/v1/me/settings', { as: author, body: { emails: { 'contribution-hidden': 'immediately' } } });
    const contribution = await newContribution(author, slug, organisation.id, { title: 'Procurement data <i>explained</i>' });
    const reason = 'It links to a paid page.\nBcc: everyone@example.org\r\nSee the rules.';
    expect((await call('PUT', `/v1/actions/${slug}/contributions/${contribution.id}/hidden`, { as: lead, body: { reason } })).status).toBe(200);

    const [mail] = await mailAfterDelivery(addressOf(author), 1);
    expect(mail?.subject).toMatch(/^“Procurement data <i>explained<\/i>”, a contribution of .* was hidden by the coalition's moderation: It links to a paid page\. Bcc: everyone@example\.org See the rules\.$/);
    expect(mail.headers).not.toHaveProperty('bcc');
    expect(mail.to).toEqual([expect.objectContaining({ address: addressOf(author) })]);
    expect(mail.text).toContain('It links to a paid page.\nBcc: everyone@example.org\nSee the rules.');
    expect(mail.html).toContain('Procurement data &lt;i&gt;explained&lt;/i&gt;');
  });

  it('refuses bad settings, changing nothing', async () => {
    const who = unique('settler');
    await call('GET', '/v1/me?language=fr', { as: who });
    const before = await settingsOf(who);
    expect(before).toMatchObject({ email: addressOf(who), language: 'fr' });
    for (const body of [
      { emails: { 'no-such-kind': 'daily' } },
      { emails: { 'join-requested': 'hourly' } },
      { emails: { 'join-requested': null } },
      { emails: ['daily'] },
      { language: 'de' },
      { language: 'FR' },
      { timeZone: 'Mars/Olympus_Mons' },
      { timeZone: '../../etc/passwd' },
      { email: 'someone@else.example' },
      { emails: { 'join-requested': 'never' }, extra: true },
    ]) {
      const reply = await call('PATCH', '/v1/me/settings', { as: who, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('PATCH', '/v1/me/settings', { as: who, rawBody: 'language=fr', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await call('GET', '/v1/me?language=xx', { as: who })).status).toBe(400);
    expect((await call('GET', '/v1/me/settings')).status).toBe(401);
    expect(await settingsOf(who)).toEqual(before);
  });
});

describe('unsubscribing', () => {
  const oneClick = 'List-Unsubscribe=One-Click';

  it('takes one click from the mail client, without signing in, and turns off just that kind of e-mail', async () => {
    const { slug, lead } = await newCoalition();
    await call('GET', '/v1/me?language=fr', { as: lead });
    await joinCoalition(slug, unique('asker'));
    const [mail] = await mailAfterDelivery(addressOf(lead), 1);
    expect(mail, 'the lead got no e-mail').toBeDefined();

    // RFC 2369 and RFC 8058: a POST to this address unsubscribes; the mail's own link opens the page that asks first.
    const headers = await sentHeaders(mail);
    expect(headers['list-unsubscribe-post']).toBe(oneClick);
    const address = headers['list-unsubscribe'].match(/^<(.+)>$/)?.[1];
    expect(address).toMatch(new RegExp(`^${apiUrl}/v1/unsubscribe\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    const token = new URL(address!).searchParams.get('token')!;
    const page = `https://collective-actions.test/fr/unsubscribe?token=${token}`;
    expect(mail.text).toContain(page);
    expect(mail.html).toContain(`href="${page}"`);

    // Reading what it would do changes nothing, and no cache keeps the answer.
    const asked = await call('GET', `/v1/unsubscribe?token=${token}`);
    expect(asked).toMatchObject({ status: 200, body: { about: 'join-requested', kinds: ['join-requested'] } });
    expect(asked.headers.get('cache-control')).toBe('no-store');
    expect((await settingsOf(lead)).emails['join-requested']).toBe('immediately');

    const clicked = await fetch(address!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: oneClick });
    expect(clicked.status).toBe(200);
    expect(await clicked.json()).toEqual({ about: 'join-requested', kinds: ['join-requested'] });
    expect(await settingsOf(lead)).toMatchObject({ emails: { 'join-requested': 'never', 'made-lead': 'daily' }, language: 'fr' });
    // Again, as RFC 8058's example sends it (multipart): the same answer, nothing else changes.
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    expect((await fetch(address!, { method: 'POST', body: form })).status).toBe(200);

    // The next request reaches the inbox, and no mail.
    await joinCoalition(slug, unique('asker'));
    expect((await inboxAfterDelivery(lead, 3)).items.filter((item) => item.kind === 'join-requested')).toHaveLength(2);
    await afterDelivery();
    expect(await mailTo(addressOf(lead))).toHaveLength(1);
  });

  it('refuses a forged, foreign or malformed token, and a request that is not the one-click form, changing nothing', async () => {
    const { slug, lead } = await newCoalition();
    await call('GET', '/v1/me', { as: lead });
    await joinCoalition(slug, unique('asker'));
    const [mail] = await mailAfterDelivery(addressOf(lead), 1);
    const token = new URL((await sentHeaders(mail))['list-unsubscribe'].slice(1, -1)).searchParams.get('token')!;
    const [header, payload, signature] = token.split('.');
    const other = unique('someone-else');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = (changes: Record<string, unknown>) => `${header}.${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`;
    const form = { rawBody: oneClick, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    const before = await settingsOf(lead);

    for (const bad of [forged({ sub: other }), forged({ about: 'daily' }), forged({ exp: claims.exp + 365 * 86400 }), await tokenFor(lead), token.slice(0, -3), 'not-a-token']) {
      for (const method of ['GET', 'POST']) {
        const reply = await call(method, `/v1/unsubscribe?token=${encodeURIComponent(bad)}`, method === 'POST' ? form : {});
        expect(reply.status, `${method} ${bad.slice(0, 40)}`).toBe(400);
        expect(reply.body.errors).toEqual([{ parameter: 'token', detail: 'is not an unsubscribe link the platform made' }]);
      }
    }
    const path = `/v1/unsubscribe?token=${token}`;
    expect((await call('POST', '/v1/unsubscribe', form)).body.errors).toEqual([{ parameter: 'token', detail: expect.any(String) }]);
    expect((await call('POST', `${path}&also=1`, form)).status).toBe(400);
    expect((await call('POST', path, { body: { 'List-Unsubscribe': 'One-Click' } })).status).toBe(415);
    expect((await call('POST', path, { rawBody: oneClick, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await call('POST', path)).status).toBe(400);
    expect((await call('POST', path, { ...form, rawBody: 'List-Unsubscribe=Maybe' })).body.errors).toEqual([{ pointer: '#/List-Unsubscribe', detail: expect.any(String) }]);
    expect((await call('POST', path, { ...form, headers: { 'content-type': 'multipart/form-data; boundary=x' } })).status).toBe(400);
    expect(await settingsOf(lead)).toEqual(before);
    expect(before.emails['join-requested']).toBe('immediately');
  });
});

describe('bounces and complaints', () => {
  /** SES's event for the configuration set, as EventBridge delivers it (the parts the platform reads, and some it does not). */
  const sesEvent = (detail: Record<string, unknown>) => ({
    version: '0',
    source: 'aws.ses',
    'detail-type': detail.eventType === 'Bounce' ? 'Email Bounced' : 'Email Complaint Received',
    detail: { ...detail, mail: { timestamp: new Date().toISOString(), source: 'notifications@collective-actions.example.org', tags: { 'ses:configuration-set': ['Mail'] } } },
  });

  it('stop e-mail to an address that bounced for good or complained, while its inbox still gets everything', async () => {
    const { recordFeedback } = await import('@collective-actions/functions/services/mail-feedback.ts');
    const [bounced, complained, transient] = [await newCoalition(), await newCoalition(), await newCoalition()];
    for (const { lead } of [bounced, complained, transient]) await call('GET', '/v1/me', { as: lead });

    expect(await recordFeedback(sesEvent({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: addressOf(bounced.lead), status: '5.1.1' }] } }))).toEqual([addressOf(bounced.lead)]);
    expect(await recordFeedback(sesEvent({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: `Someone <${addressOf(complained.lead).toUpperCase()}>` }] } }))).toEqual([addressOf(complained.lead).toUpperCase()]);
    expect(await recordFeedback(sesEvent({ eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: addressOf(transient.lead) }] } }))).toEqual([]);
    await expect(recordFeedback({ detail: { eventType: 'Delivery' } })).rejects.toThrow();

    for (const { slug } of [bounced, complained, transient]) await joinCoalition(slug, unique('asker'));
    for (const { lead } of [bounced, complained, transient]) expect((await inboxAfterDelivery(lead, 2)).items.map((item) => item.kind)).toContain('join-requested');
    expect(await mailAfterDelivery(addressOf(transient.lead), 1)).toHaveLength(1);
    await afterDelivery();
    expect(await mailTo(addressOf(bounced.lead))).toEqual([]);
    expect(await mailTo(addressOf(complained.lead))).toEqual([]);
    // Each sees it on their settings page; only they see their address.
    expect(await settingsOf(bounced.lead)).toMatchObject({ email: addressOf(bounced.lead), emailStopped: true });
    expect(await settingsOf(complained.lead)).toMatchObject({ emailStopped: true });
    expect(await settingsOf(transient.lead)).toMatchObject({ emailStopped: false });
  });
});
