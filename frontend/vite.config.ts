/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { brotliCompressSync, constants as zlib } from 'node:zlib'
import { defineConfig, type Plugin, type ProxyOptions } from 'vite'
import vue from '@vitejs/plugin-vue'
import { messagesPart, type MessagePart, type Messages } from './src/app/message-sections'

// The backend serves /api, /q and /media (the media library's files); `npm run dev` and `npm run preview` proxy them to a running Quarkus
// (SERAMBI_BACKEND_URL, default http://127.0.0.1:8080). Through the proxy the SPA and the API share an
// origin, as in production, so the browser's Origin header is dropped instead of tripping the CORS check.
const backend = process.env.SERAMBI_BACKEND_URL ?? 'http://127.0.0.1:8080'
const sameOrigin: ProxyOptions = {
  target: backend,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq) => proxyReq.removeHeader('origin'))
  },
}
const proxy: Record<string, ProxyOptions> = { '/api': sameOrigin, '/q': sameOrigin, '/media': sameOrigin }

// B7 (bench/b7.sh): a patron's first visit on a slow phone connection, where every request waits out the latency.
//
// The messages: the home and event pages load only the Bahasa Indonesia messages they read (`locales/id.json?first`);
// the other public pages' (`?later`) and the staff pages' (`?staff`) load with the first page that needs them
// (app/i18n.ts). app/message-sections.ts lists the sections of each part.
function splitMessages(): Plugin {
  return {
    name: 'serambi-split-messages',
    enforce: 'pre',
    transform(code, id) {
      const part = /[\\/]locales[\\/][a-z]+\.json\?(first|later|staff)$/.exec(id)?.[1] as MessagePart | undefined
      if (!part) return null
      const kept = messagesPart(JSON.parse(code) as Messages, part)
      return { code: `export default ${JSON.stringify(kept)}`, map: null, moduleType: 'js' }
    },
  }
}

// The bytes: each script and stylesheet also ships brotli-compressed at the highest quality (name.br, about 12 % smaller
// than the gzip the server makes on the fly), served by the backend to browsers that accept br (common/SpaCompression).
function precompress(): Plugin {
  return {
    name: 'serambi-precompress',
    apply: 'build',
    // After the files are written: the chunks are final only then (Vite fills in their preload lists last).
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle).filter((file) => /\.(js|css)$/.test(file))) {
        const file = path.join(options.dir ?? 'dist', name)
        writeFileSync(`${file}.br`, brotliCompressSync(readFileSync(file), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }))
      }
    },
  }
}

// The survey page (/survei/{id}, shared on social media and in the post-event e-mail) is kept out of the patron chunk, so
// that no other first visit carries it. Instead the backend names its script and style in Link headers on the page's
// HTML (common/FallbackRoutes), so that they load beside the entry rather than after it; its messages are in the first
// part (app/message-sections.ts). This file, written with the build, tells the backend their names.
function routePreloads(): Plugin {
  const SURVEY_PAGE = /[\\/]features[\\/]surveys[\\/]answer[\\/]pages[\\/]SurveyAnswerPage\.vue$/
  return {
    name: 'serambi-route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>()
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.facadeModuleId) continue
        if (!SURVEY_PAGE.test(chunk.facadeModuleId)) continue
        files.add(chunk.fileName)
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css)
      }
      if (files.size === 0) this.error('route-preloads: the survey page chunk was not found')
      const survey = [...files].sort().map((file) => `/${file}`)
      this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: JSON.stringify({ survey }) })
    },
  }
}

// The code: the home page and an event page with its registration form, and all they import (the shared components and
// helpers), are one chunk that index.html preloads with the entry, instead of fifteen small chunks fetched one after
// another once the router knows the page; Vue, the router and petite-vue-i18n are another. Every other page is a small
// chunk of its own, loaded when visited.
const PATRON_PAGES = /[\\/]src[\\/]features[\\/](home[\\/]pages[\\/]HomePage|events[\\/]catalogue[\\/]pages[\\/]EventPage)\.vue/
const FRAMEWORK = /[\\/]node_modules[\\/](@vue|vue|vue-router|petite-vue-i18n|@intlify|openapi-fetch)[\\/]/

export default defineConfig({
  plugins: [vue(), splitMessages(), precompress(), routePreloads()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // petite-vue-i18n (vue-i18n's translation-only distribution): Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    // app/i18n.ts compiles the messages (named placeholders only): vue-i18n's compiler is left out (B7).
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
    __VUE_PROD_DEVTOOLS__: false,
    // Every component is <script setup>: the Options API support stays out of the bundle (B7).
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'framework', test: FRAMEWORK, priority: 2 },
            { name: 'patron', test: PATRON_PAGES, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.spec.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    mockReset: true,
  },
})
