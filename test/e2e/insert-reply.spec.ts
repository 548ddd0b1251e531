/**
 * "Insert into reply": offered only while the page has a reply box open, and the thank-you goes
 * in at the user's cursor (or at the end) on a line of its own, never glued to their text.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { sidebarFrame } from './pages/in-page-sidebar.ts';

describe('inserting a thank-you into the reply, in chromium', () => {
  const session = useBrowser('chromium');

  async function composerFor(page: Page): Promise<Frame> {
    const launcher = page.locator('inside-out-root [data-testid="launcher"]');
    if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
    const frame = await sidebarFrame(page);
    // The sidebar may come back open on the site with the last draft (it survives closing).
    const thank = frame.locator('[data-testid="participant"] [data-testid="thank"]').first();
    const composer = frame.locator('[data-testid="composer"]');
    await thank.or(composer).first().waitFor();
    if (!(await composer.isVisible())) await thank.click();
    await composer.waitFor();
    return frame;
  }

  /** The user opens a reply in Gmail, with text of their own. */
  const openReply = (page: Page, html: string) =>
    page.evaluate((html) => {
      const box = document.createElement('div');
      box.setAttribute('contenteditable', 'true');
      box.setAttribute('aria-label', 'Message Body');
      box.id = 'reply';
      box.innerHTML = html;
      document.body.append(box);
    }, html);

  /** The user comes back to the sidebar (the composer asks the page again then). */
  const backToSidebar = (frame: Frame) => frame.locator('[data-testid="composer-message"]').focus();

  /** Gmail with the composer open, and then a reply: Insert is offered (it was not before). */
  async function insertOffered() {
    const page = await session.browser.chromium!.context.newPage();
    await page.goto(session.server.urlFor('gmail/thread-long'));
    const frame = await composerFor(page);
    const insert = frame.locator('[data-testid="send-insert"]');
    expect(await insert.count()).toBe(0);
    await openReply(page, '');
    await page.locator('#reply').click();
    await backToSidebar(frame);
    await insert.waitFor();
    return { page, frame, insert };
  }

  it('is offered only while a reply box is open', async () => {
    const { page, frame, insert } = await insertOffered();
    // The user discards the reply in the page, then comes back to the sidebar.
    await page.evaluate(() => document.getElementById('reply')?.remove());
    await page.locator('h2.hP').click();
    await backToSidebar(frame);
    await insert.waitFor({ state: 'detached' });
    await page.close();
  });

  it('follows the page as soon as the pointer comes back to the sidebar, before any click', async () => {
    const { page, frame, insert } = await insertOffered();
    // The user discards the reply in the page and only moves the pointer back over the sidebar.
    await page.evaluate(() => document.getElementById('reply')?.remove());
    await page.locator('h2.hP').click();
    await frame.locator('[data-testid="composer-message"]').hover();
    await insert.waitFor({ state: 'detached' });
    await page.close();
  });

  it('goes in at the cursor, on its own line', async () => {
    const page = await session.browser.chromium!.context.newPage();
    await page.goto(session.server.urlFor('gmail/thread-long'));
    await openReply(page, '<div>Hi Dana,</div><div>Best, Sam</div>');
    // The user's cursor is at the end of "Hi Dana,".
    await page.evaluate(() => {
      const text = document.querySelector('#reply div')!.firstChild!;
      document.getSelection()!.collapse(text, 8);
    });
    const frame = await composerFor(page);
    await frame.getByLabel('What did they do?').fill('sent the pricing overnight');
    const message = await frame.locator('[data-testid="composer-message"]').inputValue();
    await frame.locator('[data-testid="send-insert"]').click();
    await expect.poll(() => page.locator('#reply').innerText()).toContain('overnight');
    const lines = (await page.locator('#reply').innerText()).split('\n').filter(Boolean);
    expect(lines[0]).toBe('Hi Dana,');
    expect(lines.at(-1)).toBe('Best, Sam');
    expect(lines.slice(1, -1).join('\n')).toBe(
      message.trim().split('\n').filter(Boolean).join('\n'),
    );
    await page.close();
  });

  it('with no cursor in the reply, goes in at its end, after a line break', async () => {
    const page = await session.browser.chromium!.context.newPage();
    await page.goto(session.server.urlFor('gmail/thread-long'));
    await openReply(page, 'Looks good to me.');
    const frame = await composerFor(page);
    const message = await frame.locator('[data-testid="composer-message"]').inputValue();
    await frame.locator('[data-testid="send-insert"]').click();
    await expect.poll(() => page.locator('#reply').innerText()).not.toBe('Looks good to me.');
    const text = await page.locator('#reply').innerText();
    expect(text.startsWith('Looks good to me.\n')).toBe(true);
    expect(text.replace(/\s+/g, ' ').trim()).toBe(
      `Looks good to me. ${message.replace(/\s+/g, ' ').trim()}`,
    );
    await page.close();
  });
});
