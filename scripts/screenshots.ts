/**
 * `npm start -- --screenshots`: the README's pictures, taken from the real extension on the demo
 * workplace as a user would see it, written to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../test/e2e/paths.ts';
import { sidebarFrame } from '../test/e2e/pages/in-page-sidebar.ts';

const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');

/** The person thanked in composer.png, and what they did in the demo inbox's thread. */
const THANKED = {
  name: 'Marcus Lee',
  did: 're-labelled the held pallets overnight',
  madePossible: 'Globex got their stock for the weekend',
};

/** Opens the in-page sidebar on a demo page and waits until it lists the people there. */
export async function openSidebar(page: Page): Promise<void> {
  const launcher = page.locator('inside-out-root [data-testid="launcher"]');
  await launcher.waitFor({ timeout: 15_000 });
  if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
  const panel = await sidebarFrame(page, 15_000);
  await panel.locator('[data-testid="participant"]').first().waitFor({ timeout: 15_000 });
}

// Lets transitions and fonts finish before the picture: a screenshot is for looking at.
const settle = (page: Page, ms = 600) => page.waitForTimeout(ms);

/** Writes every screenshot; `mailUrl` is the demo inbox's open thread. Returns their paths. */
export async function takeScreenshots(
  context: BrowserContext,
  origin: string,
  mailUrl: string,
): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const written: string[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage });
    written.push(path);
  };

  // The in-page sidebar, open on the demo inbox, beside the thread.
  const mail = await context.newPage();
  await mail.setViewportSize({ width: 1440, height: 900 });
  await mail.goto(mailUrl);
  await openSidebar(mail);
  await settle(mail, 1_500);
  await shoot(mail, 'in-page-sidebar');

  // The composer, opened from Marcus's Thank button and filled in as a user would.
  // The frame sits in a closed shadow root: found among the page's frames.
  const sidebar = await sidebarFrame(mail, 15_000);
  const person = sidebar.locator(`[data-testid="participant"][data-name="${THANKED.name}"]`);
  await person.locator('[data-testid="thank"]').click();
  const composer = sidebar.locator('[data-testid="composer"]');
  await composer.waitFor({ timeout: 10_000 });
  await composer.locator('[data-testid="composer-did"]').fill(THANKED.did);
  await composer.locator('[data-testid="composer-made-possible"]').fill(THANKED.madePossible);
  const message = composer.locator('[data-testid="composer-message"]');
  // The message is drafted from the fields as they are typed.
  await sidebar.waitForFunction(
    (did) =>
      document
        .querySelector<HTMLTextAreaElement>('[data-testid="composer-message"]')
        ?.value.includes(did),
    THANKED.did,
    { timeout: 5_000 },
  );
  console.log(`  Composer's message: ${await message.inputValue()}`);
  await settle(mail);
  await shoot(mail, 'composer');

  // The popup, at the size the browser gives it.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`${origin}/popup.html`);
  await popup.locator('[data-testid="balance"]').waitFor();
  await settle(popup);
  await shoot(popup, 'popup', true);

  // The side panel (Chrome) / sidebar (Firefox): the people you serve.
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 820 });
  await panel.goto(`${origin}/sidepanel.html?tab=people`);
  await settle(panel, 1_000);
  await shoot(panel, 'side-panel');

  // The welcome an install opens (the launcher closed that tab; it opens the same page again).
  const welcome = await context.newPage();
  await welcome.setViewportSize({ width: 1024, height: 900 });
  await welcome.goto(`${origin}/welcome.html`);
  await welcome.locator('[data-testid="welcome"]').waitFor();
  await settle(welcome);
  await shoot(welcome, 'welcome', true);

  // The settings, just after a change: the page saves by itself and says so at the top.
  const options = await context.newPage();
  await options.setViewportSize({ width: 1024, height: 900 });
  await options.goto(`${origin}/options.html`);
  await options.getByLabel('Weekly thank-you goal').fill('5');
  await options
    .locator('[data-testid="settings-status"][data-state="saved"]')
    .waitFor({ timeout: 10_000 });
  // Typing scrolled the field into view: the picture starts at the page's top.
  await options.evaluate(() => window.scrollTo(0, 0));
  await settle(options);
  await shoot(options, 'options');
  return written;
}
