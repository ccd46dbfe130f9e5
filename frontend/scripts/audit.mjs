#!/usr/bin/env node
// `npm audit --omit=dev` for the SPA's production dependencies (what ships to browsers), summarised by severity.
// Exit 0 when there is no high or critical finding, 1 when there is. When the registry's audit endpoint cannot be
// reached or refuses the request (offline, a mirror without it), it says so and exits 0, or 2 with --strict:
// so it can sit in a pipeline without making it depend on the network.
import { execFileSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const strict = process.argv.includes('--strict')
const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..')

let output
try {
  output = execFileSync('npm', ['audit', '--omit=dev', '--json'], {
    cwd: frontend,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  })
} catch (error) {
  // npm audit exits non-zero both when it finds something and when it fails: the JSON tells which.
  output = error.stdout ?? ''
}

let report
try {
  report = JSON.parse(output)
} catch {
  report = { error: { summary: output.trim() || 'no answer from npm audit' } }
}

if (report.error || !report.metadata) {
  const reason = report.message || report.error?.summary || 'unexpected answer'
  console.log(`[audit] UNAVAILABLE: the registry's audit endpoint did not answer (${reason.split('\n')[0]})`)
  process.exit(strict ? 2 : 0)
}

const counts = report.metadata.vulnerabilities
const total = report.metadata.dependencies?.prod ?? report.metadata.dependencies?.total
console.log(`[audit] production dependencies: ${total}`)
console.log(
  `[audit] findings: critical ${counts.critical}, high ${counts.high}, moderate ${counts.moderate}, ` +
    `low ${counts.low}, info ${counts.info}`,
)
for (const [name, finding] of Object.entries(report.vulnerabilities ?? {})) {
  console.log(`[audit]   ${finding.severity.padEnd(8)} ${name} ${finding.range} (fix: ${finding.fixAvailable ? 'yes' : 'no'})`)
}
process.exit(counts.high + counts.critical > 0 ? 1 : 0)
