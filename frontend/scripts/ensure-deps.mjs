#!/usr/bin/env node
// Installs the SPA's npm dependencies with `npm ci`, but only when node_modules does not already match
// package-lock.json. npm records what it installed in node_modules/.package-lock.json (the "hidden
// lockfile"); when that file is missing or describes different packages, we reinstall.
// Never lets a tool download a browser of its own (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lockPath = join(root, 'package-lock.json')
const hiddenLockPath = join(root, 'node_modules', '.package-lock.json')

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** Why node_modules must be (re)installed, or null when it matches package-lock.json. */
function reasonToInstall() {
  if (!existsSync(lockPath)) {
    throw new Error(`package-lock.json is missing in ${root}; run "npm install" and commit it.`)
  }
  if (!existsSync(hiddenLockPath)) return 'node_modules/.package-lock.json is missing'

  let lock, hidden
  try {
    lock = readJson(lockPath).packages ?? {}
    hidden = readJson(hiddenLockPath).packages ?? {}
  } catch (e) {
    return `a lockfile could not be read (${e.message})`
  }
  for (const [path, entry] of Object.entries(lock)) {
    if (path === '') continue // the project itself
    const installed = hidden[path]
    if (!installed) {
      // Optional packages for other platforms (e.g. native bindings) are legitimately absent.
      if (entry.optional || entry.devOptional) continue
      return `${path} is not installed`
    }
    if (installed.version !== entry.version || (entry.integrity && installed.integrity !== entry.integrity)) {
      return `${path} is ${installed.version}, package-lock.json wants ${entry.version}`
    }
  }
  for (const path of Object.keys(hidden)) {
    if (!(path in lock)) return `${path} is installed but not in package-lock.json`
  }
  return null
}

const reason = reasonToInstall()
if (reason === null) {
  console.log('[ensure-deps] node_modules matches package-lock.json; nothing to install.')
  process.exit(0)
}

console.log(`[ensure-deps] running "npm ci" because ${reason}.`)
const isWindows = process.platform === 'win32'
const result = spawnSync(isWindows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: isWindows, // .cmd files need a shell on Windows
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
})
if (result.error) {
  console.error(`[ensure-deps] could not start npm: ${result.error.message}`)
  process.exit(1)
}
process.exit(result.status ?? 1)
