#!/usr/bin/env node
// Fails when src/api/schema.ts is not what openapi-typescript generates from the backend's OpenAPI
// document (backend/target/openapi/openapi.json, written by the backend build). Uses the same CLI (with --enum-values: the enum arrays the SPA lists are generated too) and
// options as `npm run api:gen`, into a temporary file, and compares the two.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const spec = join(root, '..', 'backend', 'target', 'openapi', 'openapi.json')
const committed = join(root, 'src', 'api', 'schema.ts')

function fail(message) {
  console.error(`[api:check] ${message}`)
  process.exit(1)
}

if (!existsSync(spec)) {
  fail(`OpenAPI document not found at ${relative(root, spec)}; build the backend first.`)
}
if (!existsSync(committed)) {
  fail(`${relative(root, committed)} is missing: run npm run api:gen`)
}

const require = createRequire(import.meta.url)
const pkgPath = require.resolve('openapi-typescript/package.json')
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['openapi-typescript']
const cli = join(dirname(pkgPath), bin)

const tmp = mkdtempSync(join(tmpdir(), 'serambi-api-check-'))
try {
  const generated = join(tmp, 'schema.ts')
  const run = spawnSync(process.execPath, [cli, spec, '-o', generated, '--enum-values'], { cwd: root, encoding: 'utf8' })
  if (run.status !== 0) {
    fail(`openapi-typescript failed:\n${run.stdout}\n${run.stderr}`)
  }
  const normalize = (text) => text.replace(/\r\n/g, '\n')
  const expected = normalize(readFileSync(generated, 'utf8'))
  const actual = normalize(readFileSync(committed, 'utf8'))
  if (expected !== actual) {
    const a = actual.split('\n')
    const e = expected.split('\n')
    const line = e.findIndex((l, i) => l !== a[i])
    fail(
      `src/api/schema.ts is out of date with the backend's OpenAPI document ` +
        `(first difference at line ${line + 1}): run npm run api:gen`,
    )
  }
  console.log('[api:check] src/api/schema.ts matches the OpenAPI document.')
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
