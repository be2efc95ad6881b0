// A real browser for the site's tests: Debian's Chromium driven by playwright-core, with axe-core's accessibility checks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFinished } from 'vitest';

export const siteUrl = inject('siteUrl');

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = join(import.meta.dirname, '../../test-results/screenshots');

/** One browser per test file, started before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(() => browser?.close());
  return () => browser!;
}

/**
 * A fresh page (own cookies), with or without JavaScript. When the test ends, its last page is
 * saved as a screenshot named after the test, under test-results/screenshots.
 */
export async function newPage(browser: Browser, name: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, baseURL: siteUrl });
  const page = await context.newPage();
  onTestFinished(async () => {
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, `${name.replace(/[^\w-]+/g, '-')}.png`), fullPage: true }).catch(() => {});
    await context.close();
  });
  return page;
}

/** Fails on any WCAG 2.0–2.2 A or AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    where: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe found violations on ${page.url()}`).toEqual([]);
}

/**
 * Signs in on the identity provider's own page, as a person does, and ends back on `path`: a page
 * for signed-in people sends there by itself; a public one through its "Sign in" link.
 */
export async function signInAs(page: Page, login: string, path: string, language: 'en' | 'fr' = 'en'): Promise<void> {
  await page.goto(path);
  if (!new URL(page.url()).pathname.startsWith('/interaction/')) {
    await page.getByRole('link', { name: language === 'fr' ? 'Se connecter' : 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/interaction/'));
  }
  await page.getByLabel(language === 'fr' ? 'Identifiant ou adresse e-mail' : 'Login name or e-mail address').fill(login);
  await page.getByLabel(language === 'fr' ? 'Mot de passe' : 'Password').fill('any password');
  await page.getByRole('button', { name: language === 'fr' ? 'Se connecter' : 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === siteUrl && url.pathname === new URL(path, siteUrl).pathname);
}
