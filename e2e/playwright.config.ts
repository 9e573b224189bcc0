// Playwright runs the journeys against the built console served by a fresh server
// (scripts/e2e-server.mjs). The browser is Debian's chromium: never a Playwright download.
import { defineConfig, devices } from '@playwright/test'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PORT = process.env.E2E_PORT ?? '3100'
const BASE_URL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: './journeys',
  outputDir: './test-results',
  // Journeys share one server and its data; one at a time keeps them independent of order.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    // scripts/test.mjs sets the path and reads the counts from it
    [
      'json',
      {
        outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? join(ROOT, '.test-results/e2e.json'),
      },
    ],
  ],
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    cwd: ROOT,
    url: `${BASE_URL}/api/health`,
    // covers a console build when web/dist is stale, plus migrations and demo seeding
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM (not Playwright's default SIGKILL) so e2e-server.mjs can remove its temp data dir
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
