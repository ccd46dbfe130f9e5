import { execFileSync } from 'node:child_process'

/**
 * One statement on the e2e database, as playwright.config.ts gives it to the app: for what only time brings about
 * (an event under way: events are published before they start, never after).
 */
export function sql(statement: string): void {
  psql(['-q', '-c', statement])
}

/** One value (or rows, one a line) read from the e2e database, e.g. what a stand-in was sent as the app recorded it. */
export function query(statement: string): string {
  return psql(['-At', '-c', statement]).trim()
}

function psql(args: string[]): string {
  const url = process.env._E2E_QUARKUS_DATASOURCE_JDBC_URL ?? 'jdbc:postgresql://127.0.0.1:5432/serambi_e2e'
  const database = url.replace(/^.*\//, '').replace(/\?.*$/, '')
  return execFileSync('psql', ['-h', '127.0.0.1', '-U', 'serambi', '-d', database, '-v', 'ON_ERROR_STOP=1', ...args], {
    env: { ...process.env, PGPASSWORD: process.env.SERAMBI_E2E_DB_PASSWORD ?? 'serambi' },
  }).toString()
}
