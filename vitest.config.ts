import { defineConfig, type Plugin } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * WORKAROUND (wxt 0.20.27 + vitest 4.1): WxtVitest defines import.meta.env.BROWSER & co too late
 * for Vitest, so they are undefined in tests. Substitute them textually in project sources.
 * Remove when WxtVitest's globals reach test code (check on each wxt upgrade).
 */
function wxtEnvForVitest(browser = process.env.WXT_TEST_BROWSER ?? 'chrome'): Plugin {
  const env: Record<string, unknown> = {
    BROWSER: browser,
    MANIFEST_VERSION: browser === 'firefox' ? 2 : 3,
    CHROME: browser === 'chrome',
    FIREFOX: browser === 'firefox',
    SAFARI: false,
    EDGE: false,
    OPERA: false,
    COMMAND: 'serve',
  };
  const re = new RegExp(`import\\.meta\\.env\\.(${Object.keys(env).join('|')})\\b`, 'g');
  return {
    name: 'agent-assist:wxt-env-for-vitest',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('/node_modules/') || !code.includes('import.meta.env.')) return;
      const out = code.replace(re, (_m, k: string) => JSON.stringify(env[k]));
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

export default defineConfig({
  plugins: [WxtVitest(), wxtEnvForVitest()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 30_000,
  },
});
