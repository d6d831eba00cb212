import { defineConfig } from 'wxt';

// The extension asks for as little as it can: no host permission is granted at install.
// Hosted helpdesks are listed as optional hosts and asked for when the agent turns them on;
// self-hosted helpdesks (osTicket, FreeScout, ...) are added by domain in settings and asked for then.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: a hidden auto-imported `browser` in knowledge/ would slip past the lint boundaries.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Agent Assist',
    description: 'Suggested answers from your own knowledge base, inside your helpdesk. Local, private, human-approved.',
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'activeTab'] : ['storage', 'scripting', 'activeTab', 'sidePanel'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Open Agent Assist' },
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Open the Agent Assist panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'agent-assist@example.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['.e2e-tmp/**', 'e2e-artifacts/**', 'demo-artifacts/**', 'bench-artifacts/**', 'test/**'] },
  webExt: { disabled: true },
});
