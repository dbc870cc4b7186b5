import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layering from './eslint/layering-rule.js';

// The layers of src/ and what each may import (ARCHITECTURE.md, "Layout"). A file belongs to the
// layer whose path entry is the longest match ('dir/' = a folder, no trailing slash = one module,
// written without its extension). `imports` lists the layers it may import; `packages` either
// allows only the listed npm packages or denies the listed ones ('node:*' = every Node builtin,
// with or without the `node:` prefix). `rule` says the rule in words; `because` overrides it for
// one target layer or package. Enforced by eslint/layering-rule.js, proven by
// test/unit/architecture/layering.test.ts.
const IO_FREE = ['zod', 'ipaddr.js'];
const MAIN = ['engine', 'privileged', 'contract', 'netcore', 'system', 'shared'];
const FACES = ['face', 'electron-face'];
const NO_FACE = 'nothing imports a face (cli, transport, index.ts and its Electron glue): faces depend on the engine, never the reverse';
const NO_ELECTRON = 'only the Electron glue imports electron (src/main/index.ts, harden.ts, window-options.ts, transport/ipc.ts, the preload): keep this code plain Node so the CLI, `serve` and tests run it';

export const layers = [
  {
    name: 'shared',
    paths: ['src/shared/'],
    imports: ['shared'],
    // i18next: the engine's English is rendered from the shared engine catalogues (shared/i18n/english.ts)
    // on both sides of the helper boundary; it does no I/O.
    packages: { allow: [...IO_FREE, 'i18next'] },
    rule: 'src/shared is the contract both sides share: it imports only src/shared (and zod, ipaddr.js, i18next), never src/main, the renderer, the preload, Node builtins or electron',
  },
  {
    name: 'netcore',
    paths: ['src/main/netcore/'],
    imports: ['netcore', 'shared'],
    packages: { allow: IO_FREE },
    rule: 'netcore is the pure rules core: it imports only netcore and src/shared (and zod, ipaddr.js) and does no I/O (no node:*, execa, dockerode, system): read in the engine or system and pass the data in',
    because: { [FACES[0]]: NO_FACE, [FACES[1]]: NO_FACE },
  },
  {
    name: 'system',
    paths: ['src/main/system/'],
    imports: ['system', 'shared'],
    packages: { deny: ['electron'] },
    rule: 'system (running commands, namespace identity) imports only system and src/shared: it holds no policy',
    because: { [FACES[0]]: NO_FACE, [FACES[1]]: NO_FACE, electron: NO_ELECTRON },
  },
  {
    name: 'contract',
    paths: ['src/main/privileged/contract/'],
    imports: ['contract', 'netcore', 'shared'],
    packages: { allow: IO_FREE },
    rule: 'the operation contract (names, zod schemas, types) imports only the contract, netcore and src/shared (and zod, ipaddr.js): op runners, executors and the helper depend on it, never the reverse',
    because: { [FACES[0]]: NO_FACE, [FACES[1]]: NO_FACE },
  },
  {
    name: 'privileged',
    paths: ['src/main/privileged/'],
    imports: ['privileged', 'contract', 'netcore', 'system', 'shared'],
    packages: { deny: ['electron'] },
    rule: 'privileged code (op runners, executors, the helper) imports only privileged, its contract, netcore, system and src/shared',
    because: {
      engine: 'privileged code never imports the engine: move shared code to netcore or system',
      [FACES[0]]: NO_FACE,
      [FACES[1]]: NO_FACE,
      electron: 'privileged code never imports electron: the helper runs as root, outside Electron',
    },
  },
  {
    name: 'engine',
    paths: ['src/main/engine/'],
    imports: ['engine', 'contract', 'netcore', 'system', 'shared'],
    packages: { deny: ['electron'] },
    rule: 'the engine imports only the engine, netcore, system, src/shared and privileged/contract',
    because: {
      privileged:
        'the engine reaches privileged code only through privileged/contract and the executor the face injects, never privileged/ops, helper, local-executor or root-executor',
      [FACES[0]]: NO_FACE,
      [FACES[1]]: NO_FACE,
      electron: 'the engine is plain Node and never imports electron: the Electron main process is one face over it',
    },
  },
  {
    name: 'face',
    paths: ['src/main/cli', 'src/main/cli/', 'src/main/transport/', 'src/main/dns-notification'],
    imports: [...FACES, ...MAIN],
    packages: { deny: ['electron'] },
    rule: 'a face imports only src/main and src/shared',
    because: { electron: NO_ELECTRON },
  },
  {
    name: 'electron-face',
    paths: ['src/main/index', 'src/main/harden', 'src/main/window-options', 'src/main/transport/ipc'],
    imports: [...FACES, ...MAIN],
    rule: 'a face imports only src/main and src/shared',
  },
  {
    name: 'renderer',
    paths: ['src/renderer/'],
    imports: ['renderer', 'shared'],
    packages: { deny: ['node:*', 'electron'] },
    rule: 'the renderer imports only itself and src/shared (and browser packages), never src/main, src/preload, Node builtins or electron: it reaches the engine only through window.bridgeport',
  },
  {
    name: 'preload',
    paths: ['src/preload/'],
    imports: ['preload', 'shared'],
    packages: { allow: ['electron'] },
    rule: 'the preload imports only src/shared and electron: it exposes window.bridgeport, nothing else',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**', 'test/lab/.engines/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // One block, one option set: the layering of src/ (see `layers` above).
    files: ['src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    plugins: { bridgeport: layering },
    rules: { 'bridgeport/layering': ['error', { root: import.meta.dirname, scope: 'src/', layers }] },
  },
);
