import { defineConfig } from '@playwright/test'
import base from './playwright.config'

// `npm run docs:screenshots`: the same packaged app and browser as the journeys, running tests/docs only.
export default defineConfig({ ...base, testMatch: ['docs/**/*.spec.ts'], reporter: [['list']] })
