import { execFileSync } from 'node:child_process'

/**
 * One statement on the e2e database, as playwright.config.ts gives it to the app: for what only time brings about
 * (an event under way: events are published before they start, never after).
 */
export function sql(statement: string): void {
  const url = process.env._E2E_QUARKUS_DATASOURCE_JDBC_URL ?? 'jdbc:postgresql://127.0.0.1:5432/serambi_e2e'
  const database = url.replace(/^.*\//, '').replace(/\?.*$/, '')
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'serambi', '-d', database, '-v', 'ON_ERROR_STOP=1', '-q', '-c', statement], {
    env: { ...process.env, PGPASSWORD: process.env.SERAMBI_E2E_DB_PASSWORD ?? 'serambi' },
  })
}
