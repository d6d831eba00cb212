import { describe, expect, it } from 'vitest';
import { scriptMatches, SCRIPT_ID, syncRegistrations, type RegisteredScript, type RegistrationApi } from '@/entrypoints/background/registration';

function fakeApi(granted: string[], registered: RegisteredScript[] = []) {
  const calls: string[] = [];
  const api: RegistrationApi = {
    grantedOrigins: async () => granted,
    registered: async () => registered,
    register: async (matches) => {
      calls.push(`register ${matches.join(' ')}`);
      registered = [{ id: SCRIPT_ID, matches }];
    },
    unregister: async (ids) => {
      calls.push(`unregister ${ids.join(' ')}`);
      registered = [];
    },
    injectOpenTabs: async (matches) => {
      calls.push(`inject ${matches.join(' ')}`);
    },
  };
  return { api, calls, grant: (o: string[]) => (granted = o) };
}

describe('runtime registration of the helpdesk script', () => {
  it('runs only on named hosts, never on every site', () => {
    expect(scriptMatches(['https://*/*', 'http://*/*', '<all_urls>', 'https://*.zendesk.com/*', 'https://support.example.com/*', 'http://127.0.0.1/*'])).toEqual([
      'http://127.0.0.1/*',
      'https://*.zendesk.com/*',
      'https://support.example.com/*',
    ]);
  });

  it('registers for granted origins, re-registers on change, unregisters when none is left', async () => {
    const f = fakeApi([]);
    expect(await syncRegistrations(f.api)).toEqual([]);
    expect(f.calls).toEqual([]);
    f.grant(['https://support.example.com/*']);
    await syncRegistrations(f.api);
    expect(f.calls).toEqual(['register https://support.example.com/*', 'inject https://support.example.com/*']);
    await syncRegistrations(f.api);
    expect(f.calls).toHaveLength(2); // unchanged: nothing to do
    f.grant(['https://support.example.com/*', 'https://*.zendesk.com/*']);
    await syncRegistrations(f.api);
    // Tabs already open on the newly granted site get the script now; the others have it.
    expect(f.calls.slice(2)).toEqual(['unregister agent-assist-helpdesk', 'register https://*.zendesk.com/* https://support.example.com/*', 'inject https://*.zendesk.com/*']);
    f.grant([]);
    await syncRegistrations(f.api);
    expect(f.calls.at(-1)).toBe('unregister agent-assist-helpdesk');
  });

  it('on start, an existing registration matching the permissions is kept', async () => {
    const f = fakeApi(['http://localhost/*'], [{ id: SCRIPT_ID, matches: ['http://localhost/*'] }]);
    expect(await syncRegistrations(f.api)).toEqual(['http://localhost/*']);
    expect(f.calls).toEqual([]);
  });
});
