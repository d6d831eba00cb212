// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { byTestId, cleanup, click, flush, type } from './render';
import { openSettings } from '../sidepanel/open-settings';

afterEach(cleanup);

describe('settings: import', () => {
  it('the panel\u2019s import is a link to the dashboard\u2019s import wizard', async () => {
    const { api, c } = await openSettings();
    expect(c.querySelector('input[type=file]')).toBeNull();
    await click(byTestId(c, 'open-import'));
    expect(api.openDashboard).toHaveBeenCalledWith('import');
  });
});

describe('settings: helpdesks', () => {
  it('adding a self-hosted domain asks the browser for that origin only, then saves it', async () => {
    const { api, c } = await openSettings();
    await type(byTestId<HTMLInputElement>(c, 'add-domain'), 'support.example.com/scp/');
    await click([...c.querySelectorAll('button')].find((b) => b.textContent === 'Add and enable')!);
    await flush();
    expect(api.permissions.request).toHaveBeenCalledWith(['https://support.example.com/*']);
    expect(api.syncRegistrations).toHaveBeenCalled();
    expect(api.saveSettings).toHaveBeenCalledWith({ helpdeskDomains: ['https://support.example.com'] });
  });

  it('switching on a hosted helpdesk requests its URL patterns', async () => {
    const { api, c } = await openSettings();
    await click(byTestId(c, 'helpdesk-zendesk'));
    await flush();
    expect(api.permissions.request).toHaveBeenCalledWith(['https://*.zendesk.com/*']);
  });
});
