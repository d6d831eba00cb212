import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dashboardTour } from './dashboard-tour';
import type { Page } from 'playwright-core';
import { openPanelAsTab, tabIdOf, type Launched } from '../e2e/harness';
import { AGENT_VALUES } from '../e2e/sample';
import type { DemoHelpdesk } from './server';

/** demo-artifacts/<local time>/, created. */
async function artifactsDir(): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const dir = path.resolve('demo-artifacts', stamp);
  await mkdir(dir, { recursive: true });
  return dir;
}

async function fillPlaceholders(panel: Page): Promise<string[]> {
  const filled: string[] = [];
  for (const input of await panel.locator('[data-testid=placeholder-form] input[data-placeholder]').all()) {
    const name = (await input.getAttribute('data-placeholder')) as keyof typeof AGENT_VALUES;
    await input.fill(AGENT_VALUES[name] ?? '…');
    filled.push(name);
  }
  return filled;
}

/**
 * The headless demo: one ticket read, suggested and inserted, as an agent would, with screenshots
 * of the helpdesk and the panel. True only when the answer is in the reply editor.
 */
export async function walkThrough(ext: Launched, demo: DemoHelpdesk, ticketId: string, say: (s: string) => void): Promise<boolean> {
  const dir = await artifactsDir();
  const shot = async (page: Page, name: string) => page.screenshot({ path: path.join(dir, name) });
  const page = await ext.context.newPage();
  await page.goto(`${demo.origin}/tickets/${ticketId}`);
  await page.waitForFunction(() => document.body.dataset.demoReady);
  const panel = await openPanelAsTab(ext, await tabIdOf(ext, page));
  await panel.setViewportSize({ width: 420, height: 860 });

  await panel.getByTestId('load-sample').click();
  await panel.getByTestId('status').filter({ hasText: /loaded/i }).waitFor({ timeout: 20_000 });
  say(`  ✓ sample knowledge: ${(await panel.getByTestId('status').textContent())?.trim()}`);

  const summary = panel.getByTestId('ticket-summary');
  await summary.filter({ hasText: `#${ticketId}` }).waitFor({ timeout: 20_000 });
  say(`  ✓ read from the page: ${(await summary.locator('.ticket-subject').textContent())?.trim()}`);
  await shot(page, '1-helpdesk-ticket.png');

  const first = panel.getByTestId('suggestion').first();
  // Right after loading, the panel may still show the answer-less state it had before.
  const outcome = await first.waitFor({ timeout: 15_000 }).then(() => 'suggestions' as const, () => 'none' as const);
  await shot(panel, '2-panel-suggestions.png');
  if (outcome === 'none') {
    say('  ✗ the panel found no confident answer for this ticket; nothing to insert.');
    say(`  Screenshots: ${path.relative(process.cwd(), dir)}/`);
    return false;
  }
  const titles = await panel.locator('[data-testid=suggestion] .card-title').allTextContents();
  say(`  ✓ ${titles.length} suggested answer(s); first: ${titles[0]?.replace(/^\d+/, '').replace(/, preview answer \d+$/, '').trim()}`);

  await first.locator('button').first().click();
  await panel.getByTestId('preview').waitFor();
  const filled = await fillPlaceholders(panel);
  if (filled.length) say(`  ✓ filled in what only the agent knows: ${filled.join(', ')}`);
  await shot(panel, '3-panel-preview.png');

  await panel.getByTestId('insert').click();
  const landed = await page
    .waitForFunction(() => (window.demo.reply()?.text.trim().length ?? 0) > 20, null, { timeout: 10_000 })
    .then(() => true, () => false);
  const reply = await page.evaluate(() => window.demo.reply());
  const sent = await page.evaluate(() => window.demo.submits + window.demo.sendClicks);
  await page.bringToFront();
  await shot(page, '4-helpdesk-inserted.png');
  await shot(panel, '5-panel-after-insert.png');
  say(landed ? `  ✓ inserted into the reply editor (Quill), ${reply?.text.split('\n').filter(Boolean).length} lines; nothing was sent (${sent} submits, ${demo.posts().length} posts)` : '  ✗ the answer did not reach the reply editor');
  say(`  Panel said: ${(await panel.getByTestId('status').textContent())?.trim() ?? ''}`);
  const toured = await dashboardTour(ext, dir, say);
  say(`  Screenshots: ${path.relative(process.cwd(), dir)}/`);
  return landed && toured && sent === 0 && demo.posts().length === 0;
}
