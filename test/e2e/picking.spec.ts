/**
 * Picking in both browsers (Chromium and Firefox ESR), through the test contract only: people
 * chosen with the keyboard alone on a page no shipped generation reads, and, on a page where no
 * shipped generation even finds the issue, the part that holds the conversation and its title.
 * learned-rules.spec.ts covers the rest in Chromium (mouse, reload, options page, axe).
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import type { TestFrame, TestPage } from './launch.ts';
import {
  findSidebarFrame,
  openSidebar,
  readInPageSidebar,
  waitForSidebarRoot,
} from './pages/in-page-sidebar.ts';
import type { BrowserName } from './paths.ts';

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > 8_000) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The sidebar's frame, once the content script's handshake opened it. */
async function sidebarFrame(page: TestPage): Promise<TestFrame> {
  const frame = await until(() => findSidebarFrame(page), Boolean);
  if (!frame) throw new Error('the sidebar is not open');
  return frame;
}

/** Clicks a button of the sidebar by its test id; false when it is not there (yet). */
const press = (frame: TestFrame, testid: string) =>
  frame.evaluate((id) => {
    const button = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
    if (!button || button.disabled) return false;
    button.click();
    return true;
  }, testid);

const textOf = (frame: TestFrame, testid: string) =>
  frame.evaluate(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '',
    testid,
  );

/** A key pressed on the page itself (what the picker listens to while it runs). */
const key = (page: TestPage, name: string) =>
  page.evaluate((k) => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  }, name);

/** A click on the element of the page that shows `shown` (the picker takes it). */
const clickOn = (page: TestPage, shown: string) =>
  page.evaluate((wanted) => {
    const all = [...document.body.querySelectorAll<HTMLElement>('*')];
    const el = all.filter((e) => e.textContent?.trim() === wanted).pop();
    if (!el) throw new Error(`nothing shows ${wanted}`);
    el.click();
  }, shown);

async function startPicking(page: TestPage, what: string): Promise<TestFrame> {
  const frame = await sidebarFrame(page);
  expect(await until(() => press(frame, what), Boolean)).toBe(true);
  expect(
    await until(
      () => textOf(frame, 'pick-save'),
      (s) => s !== '',
    ),
  ).not.toBe('');
  return frame;
}

const names = async (page: TestPage) =>
  (await readInPageSidebar(page)).participants.map((p) => p.name);

function pickingIn(name: BrowserName) {
  describe(`picking in ${name}`, () => {
    const session = useBrowser(name);

    it('chooses two people with the keyboard alone and reads a third', async () => {
      const { browser, server } = session;
      const page = await browser.newPage(server.urlFor('learned/linear-redesign-a'));
      expect(await waitForSidebarRoot(page)).toBe(true);
      await openSidebar(page);
      const frame = await startPicking(page, 'pick-people');
      for (const person of ['Ada Lovelace', 'Grace Hopper']) {
        const seen = await until(
          async () => {
            await key(page, 'ArrowDown');
            return textOf(frame, 'pick-highlighted');
          },
          (shown) => shown.includes(person),
        );
        expect(seen).toContain(person);
        await key(page, 'Enter');
      }
      expect(
        await until(
          () => textOf(frame, 'pick-preview'),
          (s) => s.includes('Alan Turing'),
        ),
      ).toBe('This would read: Ada Lovelace, Grace Hopper, Alan Turing');
      expect(await press(frame, 'pick-save')).toBe(true);
      expect(
        await until(
          () => names(page),
          (n) => n.length === 3,
        ),
      ).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
      expect(await page.evaluate(() => document.querySelector('inside-out-picker'))).toBeNull();
      await page.close();
    });

    it('teaches where the conversation is and its title, where nothing else reads them', async () => {
      const { browser, server } = session;
      const page = await browser.newPage(server.urlFor('learned/linear-redesign-c'));
      expect(await waitForSidebarRoot(page)).toBe(true);
      // The sidebar was left open on this site by the test before.
      const open = await page.evaluate(
        () => document.querySelector<HTMLElement>('inside-out-root')?.dataset.state === 'open',
      );
      if (!open) await openSidebar(page, 1_000);
      expect(await names(page)).toEqual([]);

      let frame = await startPicking(page, 'pick-container');
      await clickOn(page, 'Signs are up on every floor.');
      expect(
        await until(
          () => textOf(frame, 'pick-preview'),
          (s) => s !== '',
        ),
      ).toBe('This would read: Ada Lovelace, Grace Hopper');
      await page.screenshot('picking-container');
      expect(await press(frame, 'pick-save')).toBe(true);
      expect(
        await until(
          () => names(page),
          (n) => n.length === 2,
        ),
      ).toEqual(['Ada Lovelace', 'Grace Hopper']);

      frame = await startPicking(page, 'pick-title');
      await clickOn(page, 'Lift stuck between floors two and three');
      expect(
        await until(
          () => textOf(frame, 'pick-preview'),
          (s) => s !== '',
        ),
      ).toBe('This would read the title: Lift stuck between floors two and three');
      expect(await press(frame, 'pick-save')).toBe(true);
      const title = () =>
        frame.evaluate(
          () => document.querySelector('[data-testid="conversation"] .title')?.textContent,
        );
      expect(await until(title, (s) => s === 'Lift stuck between floors two and three')).toBe(
        'Lift stuck between floors two and three',
      );
      // Both parts stay: the people are still read.
      expect(await names(page)).toEqual(['Ada Lovelace', 'Grace Hopper']);
      await page.close();
    });

    it("picks inside a tool's same-origin frame (ServiceNow's shell frames the form)", async () => {
      const { browser, server } = session;
      const page = await browser.newPage(server.urlFor('servicenow/polaris-shell'));
      expect(await waitForSidebarRoot(page)).toBe(true);
      await openSidebar(page);
      const frame = await startPicking(page, 'pick-people');
      const form = page.frames().find((f) => new URL(f.url()).pathname === '/incident.do');
      if (!form) throw new Error('the form frame is not there');
      const clicked = await form.evaluate(() => {
        let clicks = 0;
        document.addEventListener('click', () => clicks++);
        const name = [...document.querySelectorAll<HTMLElement>('span')].find(
          (el) => el.textContent === 'Abel Tuter',
        );
        name?.click();
        return clicks;
      });
      expect(clicked).toBe(0); // the click chose, and never reached the form
      const chosen = () =>
        frame.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="pick-chosen-person"]')].map(
            (el) => el.dataset.name,
          ),
        );
      expect(await until(chosen, (c) => c.length > 0)).toEqual(['Abel Tuter']);
      expect(await press(frame, 'pick-cancel')).toBe(true);
      await page.close();
    });
  });
}

pickingIn('chromium');
pickingIn('firefox');
