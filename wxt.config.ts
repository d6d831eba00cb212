import { defineConfig } from 'wxt';

// The extension asks for as little as it can: no host permission is granted at install.
// Hosted helpdesks are listed as optional hosts and asked for when the agent turns them on;
// self-hosted helpdesks (osTicket, FreeScout, ...) are added by domain in settings and asked for then.
// The DEMO build (`wxt build --mode demo`, or AGENT_ASSIST_DEMO=1) alone adds the loopback hosts
// the local demo helpdesk and the end-to-end tests use: they cannot click a permission prompt.
// See entrypoints/PERMISSIONS.md.
// WXT sets NODE_ENV to the mode when none is given, so `--mode demo` built React's development
// runtime (jsxDEV, dev-only checks): several times slower, and not what the demo, the end-to-end
// tests and the benches mean to measure. The demo build is a production build with loopback hosts.
if (process.env.NODE_ENV === 'demo') process.env.NODE_ENV = 'production';

const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: a hidden auto-imported `browser` in knowledge/ would slip past the lint boundaries.
  imports: false,
  manifest: ({ browser, mode }) => ({
    name: 'Agent Assist',
    description: 'Suggested answers from your own knowledge base, inside your helpdesk. Local, private, human-approved.',
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'activeTab'] : ['storage', 'scripting', 'activeTab', 'sidePanel'],
    optional_host_permissions: OPTIONAL_HOSTS,
    // Firefox MV2 has no optional_host_permissions (WXT drops the key there): hosts are optional permissions.
    ...(browser === 'firefox' ? { optional_permissions: OPTIONAL_HOSTS } : {}),
    ...(mode === 'demo' || process.env.AGENT_ASSIST_DEMO === '1' ? { host_permissions: DEMO_HOSTS } : {}),
    action: { default_title: 'Open Agent Assist' },
    // The dashboard is the extension's options page too: the toolbar button's menu ("Options") and
    // the browser's extension page open it in a tab, with no extra permission (a context menu would need one).
    options_ui: { page: 'dashboard.html', open_in_tab: true },
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
