import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, siteUrl, useBrowser } from '../support/browser.ts';
import { unique } from '../support/api.ts';

const browser = useBrowser();

describe('signing in and out', () => {
  it('goes through the identity provider’s own page in the visitor’s language, and back to the same page', async ({ task }) => {
    const page = await newPage(browser(), task.name);
    await page.goto('/fr/actions/open-public-procurement');
    await page.getByRole('link', { name: 'Se connecter' }).click();

    // The provider's page: French, as the site asked, and accessible.
    await page.waitForURL((url) => url.pathname.startsWith('/interaction/'));
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible(page);
    const login = unique('participant');
    await page.getByLabel('Identifiant ou adresse e-mail').fill(login);
    await page.getByLabel('Mot de passe').fill('any password');
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await page.waitForURL(`${siteUrl}/fr/actions/open-public-procurement`);
    expect(await page.getByText(`Connecté·e : ${login}`).count()).toBe(1);
    await expectAccessible(page);

    // The session is an httpOnly, SameSite cookie the page's scripts cannot read, and the token appears nowhere in the page.
    const cookies = await page.context().cookies(siteUrl);
    const session = cookies.find((cookie) => cookie.name === 'session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('session=');
    expect(await page.content()).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
    const response = await page.request.get('/fr/actions/open-public-procurement');
    expect(response.headers()['cache-control']).toBe('private, no-store');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // The provider asks, in French, whether to end its own session too.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${siteUrl}/fr`);
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    expect((await page.context().cookies(siteUrl)).map((cookie) => cookie.name)).not.toContain('session');
  });

  it('refuses a forged session cookie: the visitor is simply not signed in', async ({ task }) => {
    const page = await newPage(browser(), task.name);
    await page.context().addCookies([{ name: 'session', value: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged', url: siteUrl }]);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
  });
});
