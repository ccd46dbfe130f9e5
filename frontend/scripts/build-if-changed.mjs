#!/usr/bin/env node
// Builds the SPA (`npm run build`: vue-tsc, then vite build) unless dist/ was built from exactly the inputs there are
// now. The inputs (src/, public/, index.html, package.json, package-lock.json, the vite, TypeScript and build configs,
// this script) are hashed into target/spa-build-stamp after each build; a dev start with nothing changed skips the ~45 s.
// A clean clone has no dist/ and always builds; SERAMBI_SPA_BUILD=always forces a build.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// In target/ (Maven's, gone after mvn clean), not dist/, whose files the app serves.
const stampPath = join(root, 'target', 'spa-build-stamp')
const INPUTS = ['src', 'public', 'index.html', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json',
  'scripts/build-if-changed.mjs']

function files(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)))
}

/** One hash over the inputs' paths and contents. */
export function inputsHash() {
  const hash = createHash('sha256')
  for (const file of INPUTS.flatMap((input) => files(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = inputsHash()
  const built = existsSync(stampPath) ? readFileSync(stampPath, 'utf8').trim() : null
  if (built === wanted && existsSync(join(root, 'dist', 'index.html')) && process.env.SERAMBI_SPA_BUILD !== 'always') {
    console.log('[build-if-changed] the SPA in dist/ is up to date with its sources; not building it again')
    process.exit(0)
  }
  console.log(`[build-if-changed] ${built ? 'the sources changed' : 'no earlier build'}: npm run build`)
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (run.status !== 0) process.exit(run.status ?? 1)
  mkdirSync(dirname(stampPath), { recursive: true })
  writeFileSync(stampPath, `${wanted}\n`)
}
