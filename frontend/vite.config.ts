/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type ProxyOptions } from 'vite'
import vue from '@vitejs/plugin-vue'

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

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n: Composition API only, no devtools in production, JIT message compiler (no eval, CSP-safe).
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
  },
  server: { proxy },
  preview: { proxy },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.spec.ts'],
    restoreMocks: true,
    mockReset: true,
  },
})
