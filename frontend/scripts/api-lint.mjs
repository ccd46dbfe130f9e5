#!/usr/bin/env node
// Lints the backend's OpenAPI document (backend/target/openapi/openapi.json, written by the backend build) with
// Spectral (spectral:oas) and Redocly (recommended), with the rule settings in openapi/. Any error or warning that
// those files do not turn off fails, so the document cannot drift back.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const spec = join(root, '..', 'backend', 'target', 'openapi', 'openapi.json')
if (!existsSync(spec)) {
  console.error('[api:lint] backend/target/openapi/openapi.json is missing: build the backend first')
  process.exit(1)
}
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }
const bin = (name) => join(root, 'node_modules', '.bin', name)

function run(label, command, args) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
  console.log(`[api:lint] ${label}:\n${output}`)
  return result.status === 0
}

const spectral = run('Spectral spectral:oas', bin('spectral'), [
  'lint', spec, '--ruleset', join(root, 'openapi', 'spectral.yaml'), '--fail-severity', 'warn', '--format', 'text',
])
// Redocly exits 0 when it found only warnings: those fail here too, so its JSON report is counted.
const report = spawnSync(bin('redocly'), [
  'lint', spec, '--config', join(root, 'openapi', 'redocly.yaml'), '--format', 'json', '--max-problems', '1000',
], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
let redocly = false
try {
  const json = JSON.parse(report.stdout.slice(report.stdout.indexOf('{')))
  for (const problem of json.problems ?? []) {
    const where = (problem.location ?? []).map((l) => l.pointer).join(', ')
    console.log(`[api:lint] Redocly ${problem.severity} ${problem.ruleId}: ${problem.message} (${where})`)
  }
  console.log(`[api:lint] Redocly recommended: ${json.totals.errors} errors, ${json.totals.warnings} warnings`)
  redocly = json.totals.errors === 0 && json.totals.warnings === 0
} catch (e) {
  console.error(`[api:lint] Redocly gave no report: ${e}\n${report.stdout}\n${report.stderr}`)
}
if (!spectral || !redocly) {
  console.error('[api:lint] the OpenAPI document has problems (above)')
  process.exit(1)
}
console.log('[api:lint] Spectral and Redocly: 0 errors, 0 warnings')
