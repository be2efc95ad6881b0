import { describe, expect, it } from 'vitest';
import { call, newAction, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

// axe-core runs as a script in the page: its checks run in the JavaScript variant (the markup is the same without).
describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('a contributor $label', ({ javaScript, label }) => {
  it('registers an organisation, contributes, sees it on the action page, edits and withdraws it — errors shown in French next to the fields', async ({ task }) => {
    const slug = await newAction();
    const page = await newPage(browser(), `${task.name} ${label}`, { javaScript });
    await signInAs(page, unique('contributor'), '/fr/workspace', 'fr');
    expect(await page.locator('h1').textContent()).toBe('Mon espace');

    // An empty registration: a summary linking to each field, the fields marked, in French.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary a').allTextContents()).toEqual([
      'Nom : Remplissez ce champ.',
      'Type : Choisissez une option.',
      'Pays : Remplissez ce champ.',
      'Site web (https://…) : Remplissez ce champ.',
    ]);
    expect(await page.getByLabel('Nom').getAttribute('aria-invalid')).toBe('true');
    if (javaScript) await expectAccessible(page);

    const name = unique('Observatoire');
    await page.getByLabel('Nom').fill(name);
    await page.getByLabel('Type').selectOption('civil-society');
    await page.getByLabel('Pays').selectOption('SN');
    await page.getByLabel('Site web (https://…)').fill('https://observatoire.example.org/');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL('**/fr/organisations/**');
    expect(await page.locator('h1').textContent()).toBe(name);

    // Contribute, first with a title too short.
    await page.goto(`/fr/actions/${slug}`);
    await page.getByRole('link', { name: 'Contribuer à cette action' }).click();
    await page.waitForURL(`**/fr/actions/${slug}/contribute`);
    await page.getByLabel('Données').check();
    await page.getByLabel('Titre').fill('Ok');
    await page.getByLabel('Ce que vous proposez ou cherchez, en quelques phrases').fill('Nous publions les données des marchés publics de la ville.');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.waitForSelector('#error-title');
    expect(await page.locator('#error-title').textContent()).toBe('Écrivez au moins 3 caractères.');
    expect(await page.getByLabel('Ce que vous proposez ou cherchez, en quelques phrases').inputValue()).toContain('marchés publics');
    if (javaScript) await expectAccessible(page);

    await page.getByLabel('Titre').fill('Données ouvertes des marchés de Dakar');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.waitForURL(`**/fr/actions/${slug}/contributions/**`);
    expect(await page.locator('h1').textContent()).toBe('Données ouvertes des marchés de Dakar');
    expect(await page.locator('article').getAttribute('lang')).toBe('fr');
    const contributionUrl = page.url();

    await page.goto(`/fr/actions/${slug}`);
    expect(await page.getByRole('link', { name: 'Données ouvertes des marchés de Dakar' }).count()).toBe(1);

    // A request for help, told apart from the offer wherever it is listed.
    await page.getByRole('link', { name: 'Contribuer à cette action' }).click();
    await page.waitForURL(`**/fr/actions/${slug}/contribute`);
    await page.getByLabel('Nous cherchons de l’aide').check();
    await page.getByLabel('Expertise').check();
    await page.getByLabel('Titre').fill('Une expertise des registres de bénéficiaires effectifs');
    await page.getByLabel('Ce que vous proposez ou cherchez, en quelques phrases').fill('Nous cherchons une équipe qui a ouvert un registre, pour 2027.');
    await page.getByLabel('Région où l’aide est proposée ou cherchée').selectOption('africa');
    await page.getByLabel('Souhaitée ou disponible d’ici le (facultatif)').fill('2031-06-30');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.waitForURL(`**/fr/actions/${slug}/contributions/**`);
    await page.getByText('Afrique').waitFor();
    expect(await page.locator('dd').filter({ hasText: 'Demande' }).count()).toBe(1);
    expect(await page.locator('time[datetime="2031-06-30"]').textContent()).toBe('30 juin 2031');
    if (javaScript) await expectAccessible(page);
    await page.goto(`/fr/actions/${slug}?kind=request#contributions`);
    expect(await page.locator('.cards h3').allTextContents()).toEqual(['Une expertise des registres de bénéficiaires effectifs']);
    expect(await page.locator('.cards .tag.request').allTextContents()).toEqual(['Demande']);
    if (javaScript) await expectAccessible(page);

    // Edit, then withdraw.
    await page.goto(contributionUrl);
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.waitForURL('**/edit');
    if (javaScript) await expectAccessible(page);
    await page.getByLabel('Titre').fill('Données ouvertes des marchés publics de Dakar');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(contributionUrl);
    expect(await page.locator('h1').textContent()).toBe('Données ouvertes des marchés publics de Dakar');

    // Withdrawing is a second step, said done afterwards, and undone from the contribution's page.
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.waitForURL('**/edit');
    await page.getByRole('link', { name: 'Retirer…' }).click();
    await page.waitForURL('**/edit?withdraw*');
    expect(await page.getByRole('heading', { name: 'Retirer « Données ouvertes des marchés publics de Dakar » ?' }).count()).toBe(1);
    if (javaScript) await expectAccessible(page);
    await page.getByRole('button', { name: 'Retirer cette contribution' }).click();
    await page.waitForURL(contributionUrl);
    expect(await page.getByRole('status').textContent()).toBe('C’est fait : la contribution est retirée. Rétablissez-la ci-dessous s’il s’agit d’une erreur.');
    expect(await page.getByRole('heading', { name: /^Retirée le .+\. Seuls les membres de votre organisation la voient\.$/ }).count()).toBe(1);
    if (javaScript) await expectAccessible(page);
    await page.goto(`/fr/actions/${slug}`);
    expect(await page.getByRole('link', { name: 'Données ouvertes des marchés publics de Dakar' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Une expertise des registres de bénéficiaires effectifs' }).count()).toBe(1);
    // The flash was said once.
    expect(await page.getByRole('status').textContent()).toBe('');

    await page.goto(contributionUrl);
    await page.getByRole('button', { name: 'Rétablir' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('C’est fait : la contribution est rétablie, telle qu’elle était.');
    expect(await page.getByRole('button', { name: 'Rétablir' }).count()).toBe(0);
    await page.goto(`/fr/actions/${slug}`);
    expect(await page.getByRole('link', { name: 'Données ouvertes des marchés publics de Dakar' }).count()).toBe(1);
  });
});

describe('a contributor who sends the form twice', () => {
  it('contributes once, and both sendings end on the same contribution', async ({ task }) => {
    const slug = await newAction();
    const login = unique('double-clicker');
    await newOrganisation(login);
    const page = await newPage(browser(), task.name);
    await signInAs(page, login, `/actions/${slug}/contribute`);
    await page.getByLabel('Data').check();
    await page.getByLabel('Title').fill('Sent twice by an impatient hand');
    await page.getByLabel('What you offer or seek, in a few sentences').fill('We publish the city’s procurement data every week.');
    // Two submissions of the same rendering, as a double click sends them: two requests to the site, two to the API.
    const sent: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && sent.push(request.url()));
    await page.locator('form', { has: page.getByRole('button', { name: 'Publish' }) }).evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await page.waitForURL(`**/actions/${slug}/contributions/**`);
    expect(sent).toHaveLength(2);
    const contributions = await call('GET', `/v1/actions/${slug}/contributions`);
    expect(contributions.body.items.map((item: { title: string }) => item.title)).toEqual(['Sent twice by an impatient hand']);
    expect(page.url()).toContain(contributions.body.items[0].id);
  });
});
