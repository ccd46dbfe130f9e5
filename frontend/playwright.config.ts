import { defineConfig, devices } from '@playwright/test'
import { E2E_ADMIN } from './tests/e2e/e2e-admin'

/** The WhatsApp Business number the e2e app sends from, and the app secret that signs its webhook's deliveries. */
export const E2E_WHATSAPP = { phoneNumberId: '106540352242922', appSecret: 'e2e-whatsapp-app-secret' }

// Browser tests drive Debian's Chromium (scripts/ensure-chromium.sh installs it) against the packaged
// backend, which serves this SPA. Playwright never downloads a browser of its own.
// SERAMBI_E2E_BASE_URL points the tests at an app that is already running (e.g. `npm run dev`) instead.
// SERAMBI_E2E_PORT moves the packaged app off 8089 (so two checkouts can run their browser tests at once).
const externalBaseUrl = process.env.SERAMBI_E2E_BASE_URL
const port = process.env.SERAMBI_E2E_PORT ?? '8089'
// Health and metrics are on the management interface: its own port, beside the app's (8089 → 9089).
const managementPort = process.env.SERAMBI_E2E_MANAGEMENT_PORT ?? String(Number(port) + 1000)
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`
// The stand-in for Meta's Graph API and the X API (WireMock, its mappings in tests/e2e/stand-ins): the packaged app
// publishes there. Meta is under /meta, X under /x, the WhatsApp Cloud API under /whatsapp; each test file adds the
// answers it needs in its own mapping files.
const standInPort = process.env.SERAMBI_E2E_STAND_IN_PORT ?? String(Number(port) + 100)
export const STAND_IN_URL = `http://127.0.0.1:${standInPort}`

export default defineConfig({
  // The browser journeys, and the API contract round trips made with the client generated from the OpenAPI document.
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'contract/**/*.spec.ts'],
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
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
  webServer: externalBaseUrl
    ? undefined
    : [
        {
          command:
            `java -jar ../backend/target/stand-in/wiremock-standalone.jar --port ${standInPort} ` +
            '--bind-address 127.0.0.1 --root-dir tests/e2e/stand-ins --global-response-templating ' +
            '--disable-banner --no-request-journal',
          url: `${STAND_IN_URL}/__admin/health`,
          timeout: 60_000,
          reuseExistingServer: false,
          stdout: 'pipe',
          stderr: 'pipe',
        },
        {
        command: 'java -jar ../backend/target/quarkus-app/quarkus-run.jar',
        env: {
          QUARKUS_PROFILE: 'e2e',
          QUARKUS_HTTP_PORT: port,
          QUARKUS_MANAGEMENT_PORT: managementPort,
          // The first admin, created at start on the cleaned e2e database (tests/e2e/e2e-admin.ts).
          SERAMBI_ADMIN_EMAIL: E2E_ADMIN.email,
          SERAMBI_ADMIN_PASSWORD: E2E_ADMIN.password,
          // Facebook Login sends the browser back to the app's own address (the OAuth redirect URI).
          SERAMBI_PUBLIC_URL: baseURL,
          SERAMBI_SOCIAL_META_APP_ID: 'e2e-meta-app',
          SERAMBI_SOCIAL_META_APP_SECRET: 'e2e-meta-secret',
          SERAMBI_SOCIAL_META_GRAPH_URL: `${STAND_IN_URL}/meta/v23.0`,
          SERAMBI_SOCIAL_META_OAUTH_URL: `${STAND_IN_URL}/meta-dialog/v23.0/dialog/oauth`,
          SERAMBI_SOCIAL_X_API_URL: `${STAND_IN_URL}/x`,
          SERAMBI_SOCIAL_X_OAUTH_URL: `${STAND_IN_URL}/x-authorize/i/oauth2/authorize`,
          // WhatsApp to registrants who opt in (tests/e2e/whatsapp-journey.spec.ts), and its webhook's secret.
          SERAMBI_WHATSAPP_API_URL: `${STAND_IN_URL}/whatsapp/v23.0`,
          SERAMBI_WHATSAPP_PHONE_NUMBER_ID: E2E_WHATSAPP.phoneNumberId,
          SERAMBI_WHATSAPP_ACCESS_TOKEN: 'e2e-whatsapp-access-token',
          SERAMBI_WHATSAPP_APP_SECRET: E2E_WHATSAPP.appSecret,
          SERAMBI_WHATSAPP_VERIFY_TOKEN: 'e2e-whatsapp-verify-token',
          SERAMBI_WHATSAPP_SEND_EVERY: '2s',
        },
        url: `http://127.0.0.1:${managementPort}/q/health/ready`,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
      },
      ],
})
