import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Keep Chromium profiles, Playwright temp files and crash reports inside the project (gitignored).
const tmp = path.resolve('.e2e-tmp');
mkdirSync(tmp, { recursive: true });

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    env: { TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg') },
  },
});
