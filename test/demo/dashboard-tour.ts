import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDashboard, type Launched } from '../e2e/harness';

/**
 * The headless demo's visit to the leads' and trainers' dashboard (after the agent's walk-through,
 * so the sample knowledge is loaded): a screenshot of each screen. True when every screen showed.
 */
export async function dashboardTour(ext: Launched, dir: string, say: (s: string) => void): Promise<boolean> {
  const page = await openDashboard(ext, '#knowledge');
  await page.setViewportSize({ width: 1280, height: 900 });
  const shot = (p: Page, name: string) => p.screenshot({ path: path.join(dir, name), fullPage: true });
  const health = await page
    .getByTestId('health-share')
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  if (!health) {
    say('  \u2717 the dashboard did not show knowledge health');
    return false;
  }
  await shot(page, '6-dashboard-health.png');
  say(`  \u2713 dashboard: ${(await page.getByTestId('health-share').textContent())?.trim()}`);
  // The knowledge list below it: every entry, three of them selected so the bulk actions show.
  const list = await page
    .getByTestId('knowledge-table')
    .locator('tbody tr')
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  if (!list) {
    say('  \u2717 the dashboard did not show the knowledge list');
    return false;
  }
  const boxes = page.getByTestId('knowledge-table').locator('tbody tr input[type="checkbox"]');
  await boxes.nth(0).check();
  await boxes.nth(2).click({ modifiers: ['Shift'] });
  await page.locator('section.knowledge-list').screenshot({ path: path.join(dir, '7-dashboard-list.png') });
  say(`  \u2713 knowledge list: ${(await page.getByTestId('list-count').textContent())?.trim()} ${(await page.getByTestId('bulk-count').textContent())?.trim()}`);
  return (await reviewQueue(page, shot, say)) && (await editorTour(ext, dir, say)) && (await importTour(page, shot, say)) && (await reportsTour(ext, dir, say));
}

/** The import wizard's column mapping for a spreadsheet with German headers (12). Nothing is checked or imported. */
async function importTour(page: Page, shot: (p: Page, name: string) => Promise<unknown>, say: (s: string) => void): Promise<boolean> {
  await page.goto(page.url().replace(/#.*$/, '#import'));
  const csv = ['Frage,Antwort,Schlagworte', '"Kann ich meine Bestellung ändern?","Ja, solange sie noch nicht versandt ist: schreiben Sie uns.",bestellung', '"Wie lange dauert der Versand?","Zwei bis drei Werktage.",versand', '"Gibt es Geschenkverpackung?",,geschenk'].join('\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'faq-de.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const shown = await page
    .getByTestId('mapping-preview')
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  if (!shown) {
    say('  \u2717 the import wizard did not show the column mapping');
    return false;
  }
  await shot(page, '12-dashboard-import.png');
  say(`  \u2713 import: faq-de.csv mapped (title from ${await page.getByTestId('map-title').inputValue()}, answer from ${await page.getByTestId('map-body').inputValue()})`);
  return true;
}

/**
 * The entry editor: a sample entry tried against a ticket (8), then a question added and saved,
 * and the two versions side by side (9). The one write of the tour: it happens after the agent's part.
 */
async function editorTour(ext: Launched, dir: string, say: (s: string) => void): Promise<boolean> {
  const page = await openDashboard(ext, '#entry/accounts-password-reset');
  await page.setViewportSize({ width: 1280, height: 900 });
  const shown = await page
    .getByTestId('field-title')
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  if (!shown) {
    say('  \u2717 the entry editor did not open');
    return false;
  }
  await page.getByTestId('try-subject').fill('Locked out');
  await page.getByTestId('try-message').fill('I forgot my password and the reset email never arrives. Can you help?');
  await page.getByTestId('try-run').click();
  await page.getByTestId('try-result').getByText(/Ranks|Not among/).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(dir, '8-dashboard-editor.png'), fullPage: true });
  say(`  \u2713 entry editor, try it: ${(await page.getByTestId('try-result').locator('p').first().textContent())?.trim()}`);
  await page.getByTestId('add-question').click();
  await page.getByTestId('question').last().fill('I cannot remember my password');
  await page.getByTestId('save-entry').click();
  const saved = await page
    .getByTestId('status')
    .getByText(/Saved as version/)
    .waitFor({ timeout: 10_000 })
    .then(() => true, () => false);
  const diff = page.getByTestId('version-diff');
  const compared = saved && (await diff.waitFor({ timeout: 10_000 }).then(() => true, () => false));
  if (!compared) {
    say('  \u2717 the entry editor did not save or show the diff');
    return false;
  }
  await diff.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, '9-dashboard-diff.png'), fullPage: true });
  say(`  \u2713 history: ${(await diff.locator('caption').textContent())?.trim()}`);
  return true;
}

/** The review queue with the sample activity loaded (so it shows agents' rejections, flags and edits). */
async function reviewQueue(page: Page, shot: (p: Page, name: string) => Promise<unknown>, say: (s: string) => void): Promise<boolean> {
  await page.goto(page.url().replace(/#.*$/, '#review'));
  const summary = page.getByTestId('review-summary');
  if (!(await summary.waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
    say('  \u2717 the review queue did not show');
    return false;
  }
  const sample = page.getByTestId('load-sample-activity');
  if (await sample.isVisible()) {
    await sample.click();
    await page.getByText(/Sample activity loaded/).waitFor();
  }
  await page.locator('[data-testid="finding"][data-kind="revision"]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await shot(page, '10-dashboard-queue.png');
  say(`  \u2713 review queue: ${(await summary.textContent())?.trim()}`);
  return true;
}

/** The trainers' Reports over the events of the agent's walk-through (11). */
async function reportsTour(ext: Launched, dir: string, say: (s: string) => void): Promise<boolean> {
  const page = await openDashboard(ext, '#reports');
  await page.setViewportSize({ width: 1280, height: 900 });
  const shown = await page
    .locator('[data-testid=report], [data-testid=report-empty]')
    .first()
    .waitFor({ timeout: 20_000 })
    .then(() => true, () => false);
  if (!shown) {
    say('  \u2717 the Reports section did not show a report');
    return false;
  }
  await page.screenshot({ path: path.join(dir, '11-dashboard-reports.png'), fullPage: true });
  const acceptance = await page.getByTestId('card-acceptance').getByTestId('detail').textContent().catch(() => 'no events yet');
  say(`  \u2713 reports: ${acceptance?.trim()}`);
  return true;
}
