// ESLint 9 flat config. Formatting is Prettier's job (.prettierrc.json); this file is about
// correctness and the few architecture rules a linter can hold (see /STYLE.md, ARCHITECTURE.md).
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    '**/test-results/',
    '**/playwright-report/',
    '.test-results/',
    'data/',
    'bench/out/',
    'web/src/api/schema.d.ts', // generated from the server's OpenAPI (npm run api:generate)
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    // Everything runs on Node unless it is the browser app below.
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
    rules: {
      // STYLE: no `any`; a boundary that truly needs one disables this line and says why.
      '@typescript-eslint/no-explicit-any': 'error',
      // `_name` marks a parameter or binding that is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  {
    // STYLE (from cal.com's regret): only repositories import Drizzle. Use-cases, workflows
    // and routes go through their module's repository, so the ORM stays in a few files.
    files: ['server/src/modules/**/*.ts', 'server/src/**/*.routes.ts'],
    ignores: ['server/src/modules/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*'],
              message:
                'Only *.repository.ts files import Drizzle; call the module repository instead.',
            },
          ],
        },
      ],
    },
  },
)
