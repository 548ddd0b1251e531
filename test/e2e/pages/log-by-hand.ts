/**
 * Acting in the side panel as a user would (Chromium, real clicks and typing through
 * Playwright): log what happened away from the screen, thank someone from People.
 */
import type { Page } from 'playwright-core';

export async function logByHand(
  panel: Page,
  who: { name: string; relationship: 'internal' | 'external'; kind?: string },
): Promise<void> {
  const form = panel.locator('[data-testid="manual-entry"]').first();
  if (!(await form.isVisible()))
    await panel.locator('[data-testid="manual-details"] > summary').first().click();
  await form.locator('[data-testid="manual-name"]').fill(who.name);
  await form.locator(`input[name="relationship"][value="${who.relationship}"]`).check();
  if (who.kind) await form.locator('select').first().selectOption(who.kind);
  await form.locator('[data-testid="manual-submit"]').click();
  await form.getByText(`Logged`).waitFor();
}

export async function thankFromPeople(
  panel: Page,
  name: string,
  whatTheyDid: string,
): Promise<void> {
  await panel.locator('[data-testid="tab-people"]').click();
  const row = panel.locator(`[data-testid="person"][data-name="${name}"]`);
  await row.locator('[data-testid="thank"]').click();
  const composer = panel.locator('[data-testid="composer"]');
  await composer.getByLabel('What did they do?').fill(whatTheyDid);
  await composer.locator('[data-testid="send-in-person"]').click();
  await composer.getByText('Logged').waitFor();
  await composer.locator('[data-testid="composer-done"]').click();
}
