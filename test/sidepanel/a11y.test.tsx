// @vitest-environment jsdom
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/sidepanel/App';
import { allByTestId, byTestId, cleanup, click, flush, render } from '../components/render';
import { fakeApi, fakeLearned, ticketState } from './fake-api';
import { openSettings } from './open-settings';

afterEach(cleanup);

async function seriousViolations(root: Element): Promise<string[]> {
  // jsdom has no layout: colour contrast is checked by the end-to-end axe run in Chromium.
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('side panel accessibility (axe-core in jsdom)', () => {
  it('suggestions, preview with placeholder form, abstain state and settings have no serious or critical violation', async () => {
    const { api } = fakeApi(ticketState());
    const c = await render(<App api={api} />);
    await flush();
    expect(await seriousViolations(document.body)).toEqual([]);
    await click(allByTestId(c, 'suggestion')[1]!.querySelector('button')!);
    await click(byTestId(c, 'reject'));
    expect(await seriousViolations(document.body)).toEqual([]);
    await click(byTestId(c, 'open-settings'));
    await flush();
    expect(await seriousViolations(document.body)).toEqual([]);
    await cleanup();
    const abstain = fakeApi(ticketState(true));
    await render(<App api={abstain.api} />);
    await flush();
    expect(await seriousViolations(document.body)).toEqual([]);
  });

  it('the learned phrasings in settings, listed and empty, have no serious or critical violation', async () => {
    const { c } = await openSettings();
    const section = byTestId(c, 'learned');
    expect(allByTestId(section, 'learned-phrasing')).toHaveLength(3);
    expect(await seriousViolations(section)).toEqual([]);
    await cleanup();
    const empty = fakeApi(ticketState(), fakeLearned([]));
    const c2 = await render(<App api={empty.api} />);
    await flush();
    await click(byTestId(c2, 'open-settings'));
    await flush();
    expect(byTestId(c2, 'learned-empty')).toBeTruthy();
    expect(await seriousViolations(byTestId(c2, 'learned'))).toEqual([]);
  });
});
