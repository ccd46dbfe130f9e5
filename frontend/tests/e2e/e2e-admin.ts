/**
 * The first admin of the e2e backend: playwright.config.ts passes these to the packaged app
 * (SERAMBI_ADMIN_EMAIL / SERAMBI_ADMIN_PASSWORD), which creates the account at start on its cleaned
 * database. Test-only credentials. Against an app that is already running (SERAMBI_E2E_BASE_URL), set
 * SERAMBI_E2E_ADMIN_EMAIL / SERAMBI_E2E_ADMIN_PASSWORD to an admin of that app.
 */
export const E2E_ADMIN = {
  email: process.env.SERAMBI_E2E_ADMIN_EMAIL ?? 'admin.e2e@serambi.test',
  password: process.env.SERAMBI_E2E_ADMIN_PASSWORD ?? 'admin-e2e-password',
}
