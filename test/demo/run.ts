/**
 * `npm run demo`: builds the extension (demo build), starts the local demo helpdesk and opens
 * Chromium with the extension, the sample knowledge loaded, a ticket open and the side panel
 * beside it. Without a display (or with `-- --headless`) it walks through one ticket instead
 * (read, suggest, insert), saves screenshots to demo-artifacts/<time>/ and exits 0 only if the
 * answer landed in the reply box.
 */
import { access } from 'node:fs/promises';
import { CHROMIUM } from '../e2e/browser';
import { ensureDemoBuild, launchWithExtension, openDashboard, openRealPanel, tabIdOf } from '../e2e/harness';
import { confidentTickets } from '../e2e/sample';
import { startDemoHelpdesk, type DemoHelpdesk } from './server';
import { walkThrough } from './walk';

const PORT = 4317;
const args = process.argv.slice(2);
const say = (line: string) => console.log(line);

async function helpdeskServer(): Promise<DemoHelpdesk> {
  try {
    return await startDemoHelpdesk({ port: PORT });
  } catch {
    return startDemoHelpdesk(); // port taken: any free one
  }
}

/** A ticket the sample knowledge answers (so the walk-through has something to insert), else the first. */
function firstConfidentTicket(fallback: string): string {
  try {
    return confidentTickets(1)[0]!.row.ticket.id;
  } catch {
    return fallback;
  }
}

async function main(): Promise<number> {
  if (!(await access(CHROMIUM).then(() => true, () => false))) {
    say(`Chromium was not found at ${CHROMIUM}. The demo runs in Debian's Chromium; install it with:\n\n    sudo apt-get install chromium\n`);
    return 1;
  }
  let headless = args.includes('--headless');
  if (!headless && !process.env.DISPLAY) {
    say('No display found ($DISPLAY is not set): running the headless walk-through instead (same as `npm run demo -- --headless`).');
    headless = true;
  }
  say('Building the extension (demo build: loopback hosts only)…');
  const dist = await ensureDemoBuild();
  const demo = await helpdeskServer();
  const ticketId = firstConfidentTicket(demo.tickets[0]!.id);
  say(`Demo helpdesk: ${demo.origin}/tickets (${demo.tickets.length} sample tickets)`);
  const ext = await launchWithExtension({ headless, dist, viewport: { width: 1280, height: 860 } });
  const stop = async () => {
    await ext.close();
    await demo.close();
  };
  try {
    if (headless) return (await walkThrough(ext, demo, ticketId, say)) ? 0 : 1;
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(`${demo.origin}/tickets/${ticketId}`);
    const panel = await openRealPanel(ext, await tabIdOf(ext, page));
    await panel.getByTestId('load-sample').click().catch(() => undefined);
    await openDashboard(ext, '#knowledge');
    await page.bringToFront();
    say(`Chromium is open on ticket #${ticketId} with the Agent Assist panel. Click a suggestion, then Insert.`);
    say('Other tickets are in the list on the left. The leads\' dashboard is open in another tab.');
    say('Close the browser or press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      ext.context.on('close', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    return 0;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`The demo stopped: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
