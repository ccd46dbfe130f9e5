// The SPA's house rules (issue 14), as bulletproof-react keeps them: a feature never imports another feature,
// shared code (components/, lib/) knows no feature and no app/, and only app/ wires the features together.
// Besides the boundaries, the recommended Vue and TypeScript rules; the few that are switched off say why.
import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

/** import-x/no-restricted-paths zones: from where code in `target` may not import. */
const boundaries = [
  // A feature uses only itself and the shared layers; app/ gives it what another feature offers (provide/inject).
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature: move shared code to lib/ or components/, or let app/ provide it.',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import app/: app/ imports features, never the reverse.',
  },
  {
    target: ['./src/components', './src/lib', './src/locales', './src/api'],
    from: ['./src/features', './src/app'],
    message: 'Shared code (components/, lib/) knows no feature and no app/.',
  },
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'src/api/schema.ts', 'tests/contract/client/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.{ts,vue,js}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', console: 'readonly' } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json', alwaysTryTypes: true })],
      'import-x/extensions': ['.ts', '.vue', '.js'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      // Formatting is not lint's job here (the code keeps its own consistent style); these are layout rules only.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      // Page components are named after their route (LoginPage), not in several words by force.
      'vue/multi-word-component-names': 'off',
      // TypeScript checks these already (noUnusedLocals, no-undef via the compiler).
      'no-undef': 'off',
      // Editors change the fields of a reactive object their parent owns (VariantEditor's variant), never the prop itself.
      'vue/no-mutating-props': ['error', { shallowOnly: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
