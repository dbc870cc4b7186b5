// Proof that the layering rule (bridgeport/layering in eslint.config.js) is live: small synthetic
// sources at virtual paths in each layer go through ESLint exactly as `npm run lint` sees them,
// forbidden imports are reported by the rule and allowed ones are not. The files need not exist:
// the rule resolves import paths against the (virtual) importing file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RULE = 'bridgeport/layering';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layering messages ESLint gives `code` placed at `filePath`. */
async function layering(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.filter((m) => m.fatal);
  expect(fatal, `parse error in the synthetic source for ${filePath}`).toEqual([]);
  return messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const importing = (spec: string) => `import { thing } from '${spec}';\nexport const used = thing;\n`;
const importingType = (spec: string) => `import type { Thing } from '${spec}';\nexport type Used = Thing;\n`;

// [importing file, import specifier, words the message must contain]
const forbidden: [string, string, string][] = [
  // privileged never imports the engine, at any depth
  ['src/main/privileged/ops/x.ts', '../../engine/engine', 'privileged code never imports the engine'],
  ['src/main/privileged/x.ts', './../engine/snapshot/take-snapshot', 'privileged code never imports the engine'],
  ['src/main/privileged/ops/dns/x.ts', '../../../engine/dns/dns-sync', 'privileged code never imports the engine'],
  ['src/main/privileged/helper/x.ts', '../../cli/cli-engine', 'nothing imports a face'],
  ['src/main/privileged/ops/x.ts', '../../transport/ws', 'nothing imports a face'],
  ['src/main/privileged/x.ts', '../index', 'nothing imports a face'],
  ['src/main/privileged/x.ts', 'electron', 'privileged code never imports electron'],
  // the renderer sees only src/shared
  ['src/renderer/src/x.ts', '../../main/engine/engine', 'the renderer imports only itself and src/shared'],
  ['src/renderer/src/views/nat/x.tsx', '../../../../main/netcore/rules/port-spec', 'the renderer imports only itself'],
  ['src/renderer/src/x.ts', '../../preload/index', 'the renderer imports only itself'],
  ['src/renderer/src/x.ts', 'node:fs', 'never src/main, src/preload, Node builtins or electron'],
  ['src/renderer/src/x.ts', 'path', 'Node builtins'],
  ['src/renderer/src/x.ts', 'electron', 'never src/main, src/preload, Node builtins or electron'],
  // the engine: plain Node, reaches privileged code only through the contract
  ['src/main/engine/x.ts', 'electron', 'the engine is plain Node and never imports electron'],
  ['src/main/engine/x.ts', '../privileged/root-executor', 'only through privileged/contract'],
  ['src/main/engine/dns/x.ts', '../../privileged/local-executor', 'only through privileged/contract'],
  ['src/main/engine/dns/x.ts', '../../privileged/ops/dns/run-dns-operation', 'only through privileged/contract'],
  ['src/main/engine/links/x.ts', '../../privileged/helper/helper-client', 'only through privileged/contract'],
  ['src/main/engine/doctor/checks/x.ts', '../../../privileged/firewall/apply-and-verify', 'only through privileged/contract'],
  ['src/main/engine/x.ts', '../cli/format-nat', 'nothing imports a face'],
  ['src/main/engine/dns/x.ts', '../../dns-notification', 'nothing imports a face'],
  // netcore: pure, no I/O
  ['src/main/netcore/x.ts', 'node:child_process', 'netcore is the pure rules core'],
  ['src/main/netcore/nft/x.ts', 'node:fs', 'does no I/O'],
  ['src/main/netcore/nft/x.ts', 'fs/promises', 'does no I/O'],
  ['src/main/netcore/rules/x.ts', 'node:net', 'does no I/O'],
  ['src/main/netcore/rules/x.ts', 'execa', 'does no I/O'],
  ['src/main/netcore/rules/x.ts', 'dockerode', 'does no I/O'],
  ['src/main/netcore/rules/x.ts', '../../system/run-command', 'imports only netcore and src/shared'],
  ['src/main/netcore/rules/x.ts', '../../engine/engine', 'imports only netcore and src/shared'],
  ['src/main/netcore/rules/x.ts', '../../privileged/contract/operations', 'imports only netcore and src/shared'],
  ['src/main/netcore/x.ts', '../cli', 'nothing imports a face'],
  // system: only system and shared
  ['src/main/system/x.ts', '../netcore/rules/port-spec', 'system (running commands, namespace identity) imports only system'],
  ['src/main/system/x.ts', '../engine/engine', 'imports only system and src/shared'],
  ['src/main/system/x.ts', '../privileged/contract/operations', 'imports only system and src/shared'],
  ['src/main/system/x.ts', 'electron', 'only the Electron glue imports electron'],
  // the contract: only contract, netcore, shared
  ['src/main/privileged/contract/x.ts', '../ops/apply-ports', 'the operation contract'],
  ['src/main/privileged/contract/x.ts', '../local-executor', 'the operation contract'],
  ['src/main/privileged/contract/x.ts', '../helper/helper-args', 'the operation contract'],
  ['src/main/privileged/contract/x.ts', '../firewall/apply-and-verify', 'the operation contract'],
  ['src/main/privileged/contract/x.ts', '../../system/run-command', 'the operation contract'],
  ['src/main/privileged/contract/x.ts', '../../engine/engine', 'the operation contract'],
  ['src/main/privileged/contract/x.ts', 'node:fs', 'the operation contract'],
  // shared: the contract both sides share
  ['src/shared/x.ts', '../main/engine/engine', 'src/shared is the contract'],
  ['src/shared/topology/x.ts', '../../main/netcore/rules/port-spec', 'src/shared is the contract'],
  ['src/shared/x.ts', '../renderer/src/App', 'src/shared is the contract'],
  ['src/shared/x.ts', '../preload/index', 'src/shared is the contract'],
  ['src/shared/x.ts', 'node:path', 'never src/main, the renderer, the preload, Node builtins or electron'],
  ['src/shared/x.ts', 'electron', 'never src/main, the renderer, the preload, Node builtins or electron'],
  // the preload: only shared and electron
  ['src/preload/x.ts', '../main/engine/engine', 'the preload imports only src/shared and electron'],
  ['src/preload/x.ts', 'node:fs', 'the preload imports only src/shared and electron'],
  // faces: any of src/main, but electron only in the Electron glue, and never the renderer
  ['src/main/cli.ts', 'electron', 'only the Electron glue imports electron'],
  ['src/main/cli/x.ts', 'electron', 'only the Electron glue imports electron'],
  ['src/main/transport/ws.ts', 'electron', 'only the Electron glue imports electron'],
  ['src/main/dns-notification.ts', 'electron', 'only the Electron glue imports electron'],
  ['src/main/transport/x.ts', '../../renderer/src/App', 'a face imports only src/main and src/shared'],
  ['src/main/index.ts', '../preload/index', 'a face imports only src/main and src/shared'],
];

const allowed: [string, string][] = [
  // engine → privileged/contract, netcore, system, shared, I/O packages
  ['src/main/engine/x.ts', '../privileged/contract/operations'],
  ['src/main/engine/dns/x.ts', '../../privileged/contract/dns-operations'],
  ['src/main/engine/dns/x.ts', '../../netcore/rulesets/dns-redirect-rules'],
  ['src/main/engine/links/x.ts', '../../netcore/links/link-args'],
  ['src/main/engine/x.ts', '../system/run-command'],
  ['src/main/engine/docker/x.ts', '../../../shared/model'],
  ['src/main/engine/docker/x.ts', '../engine'],
  ['src/main/engine/docker/x.ts', 'dockerode'],
  ['src/main/engine/host/x.ts', 'node:fs/promises'],
  // privileged → privileged, contract, netcore, system, shared
  ['src/main/privileged/ops/x.ts', '../../netcore/owned-chains/plan-owned-chains'],
  ['src/main/privileged/ops/dns/x.ts', '../../../netcore/rulesets/dns-redirect-rules'],
  ['src/main/privileged/ops/x.ts', '../contract/operations'],
  ['src/main/privileged/ops/x.ts', '../firewall/apply-and-verify'],
  ['src/main/privileged/x.ts', './helper/helper-client'],
  ['src/main/privileged/helper/x.ts', '../../system/run-command'],
  ['src/main/privileged/helper/x.ts', '../../../shared/model'],
  ['src/main/privileged/helper/x.ts', 'node:net'],
  ['src/main/privileged/ops/x.ts', 'execa'],
  // contract → contract, netcore, shared, zod
  ['src/main/privileged/contract/x.ts', './operations'],
  ['src/main/privileged/contract/x.ts', '../../netcore/rules/port-spec'],
  ['src/main/privileged/contract/x.ts', '../../../shared/model'],
  ['src/main/privileged/contract/x.ts', 'zod'],
  // netcore → netcore, shared, zod, ipaddr.js
  ['src/main/netcore/nft/x.ts', './parse-nft-json'],
  ['src/main/netcore/nft/x.ts', '../rules/parsed-rule'],
  ['src/main/netcore/nft/x.ts', '../../../shared/firewall-model'],
  ['src/main/netcore/addresses/x.ts', 'ipaddr.js'],
  ['src/main/netcore/nft/x.ts', 'zod'],
  // system → system, shared, packages
  ['src/main/system/x.ts', './run-command'],
  ['src/main/system/x.ts', '../../shared/namespace-model'],
  ['src/main/system/x.ts', 'execa'],
  // shared → shared, zod
  ['src/shared/topology/x.ts', '../model'],
  ['src/shared/x.ts', 'zod'],
  // renderer → renderer, shared, browser packages
  ['src/renderer/src/x.ts', '../../shared/contract'],
  ['src/renderer/src/views/nat/x.tsx', '../../../../shared/firewall-model'],
  ['src/renderer/src/views/nat/x.tsx', '../../components/x'],
  ['src/renderer/src/x.ts', '@mantine/core'],
  ['src/renderer/src/x.ts', 'elkjs/lib/elk-worker.min.js?url'],
  // preload → shared, electron
  ['src/preload/x.ts', '../shared/contract'],
  ['src/preload/x.ts', 'electron'],
  // faces → anything in src/main and shared; electron only in the Electron glue
  ['src/main/index.ts', 'electron'],
  ['src/main/harden.ts', 'electron'],
  ['src/main/window-options.ts', 'electron'],
  ['src/main/transport/ipc.ts', 'electron'],
  ['src/main/index.ts', './engine/engine'],
  ['src/main/index.ts', './privileged/local-executor'],
  ['src/main/index.ts', './transport/ipc'],
  ['src/main/cli.ts', './cli/cli-engine'],
  ['src/main/cli/x.ts', '../privileged/root-executor'],
  ['src/main/cli/x.ts', '../engine/engine'],
  ['src/main/transport/ws.ts', '../../shared/ws-protocol'],
  ['src/main/transport/ws.ts', './serve-auth'],
  ['src/main/dns-notification.ts', './engine/dns/describe-sync'],
];

describe('bridgeport/layering', () => {
  it.each(forbidden)('%s may not import %s', async (file, spec, words) => {
    for (const code of [importing(spec), importingType(spec)]) {
      const messages = await layering(file, code);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(`'${spec}'`);
      expect(messages[0]).toContain(words);
    }
  });

  it.each(allowed)('%s may import %s', async (file, spec) => {
    expect(await layering(file, importing(spec))).toEqual([]);
    expect(await layering(file, importingType(spec))).toEqual([]);
  });

  it('catches every way of naming a module, not just import declarations', async () => {
    const file = 'src/main/engine/x.ts';
    const forms = [
      "export * from '../privileged/ops/hairpin';",
      "export { hairpin } from '../privileged/ops/hairpin';",
      "export const load = () => import('../privileged/local-executor');",
      "export type Executor = import('../privileged/root-executor').RootExecutor;",
      "import executor = require('../privileged/root-executor');\nexport const used = executor;",
      "export const electron = require('electron');",
    ];
    for (const code of forms) expect(await layering(file, code), code).toHaveLength(1);
  });

  it('reports a file under src/ that lies in no layer', async () => {
    const [message] = await layering('src/main/new-thing.ts', 'export const a = 1;\n');
    expect(message).toContain('lies in no layer');
    expect(await layering('src/other/x.ts', 'export const a = 1;\n')).toHaveLength(1);
  });

  it('reports a relative import that leaves the layered tree', async () => {
    const [message] = await layering('src/main/engine/x.ts', importing('../../../test/fixtures/x'));
    expect(message).toContain('lies in no layer of src/');
  });

  it('is applied to every source file `npm run lint` sees', async () => {
    const files = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(f))
      .map((f) => path.join(root, 'src', f));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      expect(await eslint.isPathIgnored(file), file).toBe(false);
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
      const setting = config.rules?.[RULE];
      expect(Array.isArray(setting) ? setting[0] : setting, file).toBe(2);
    }
  });
});
