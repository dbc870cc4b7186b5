// bridgeport/layering: the dependency direction of src/ (see ARCHITECTURE.md, "Layout"), checked on
// every import. The layers and what each may import are declared in eslint.config.js; this file is
// only the mechanism.
//
// Why a small local rule and not `no-restricted-imports`: that rule matches the import string as
// written, so a relative import's target depends on how deep the importing file sits, and the same
// folder names recur across layers (dns/, links/, firewall/, nft/, system/ exist in more than one),
// so a name pattern either misses imports or blocks legitimate ones; it also cannot say "imports
// ONLY these layers" (a new folder would be allowed by default), ignores `import()` and
// `import('x').T`, and two flat-config blocks that both set it silently replace each other's
// options. This rule resolves every relative specifier against the importing file (pure path
// arithmetic, no file system, so it also works on virtual files given to `lintText`), finds the
// layer of both ends by longest path prefix, and checks an allowlist. Any file under src/ that
// lies in no layer is reported too, so a new top-level folder has to be placed deliberately.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE = 'node:*';
const builtins = new Set(builtinModules);
const extension = /\.(d\.ts|ts|tsx|mts|cts|js|jsx|mjs|cjs|json)$/;

function toPosix(p) {
  return p.split(path.sep).join('/');
}

/** The package an npm specifier names ('@scope/name/x' → '@scope/name'), or NODE for a builtin. */
function packageOf(spec) {
  if (spec.startsWith('node:')) return NODE;
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtins.has(name) ? NODE : name;
}

/** The layer holding a repo-relative module path (extension-less), by longest matching entry. */
function layerOf(layers, modulePath) {
  let best = null;
  let bestLength = -1;
  for (const layer of layers) {
    for (const entry of layer.paths) {
      const hit = entry.endsWith('/') ? `${modulePath}/`.startsWith(entry) : modulePath === entry;
      if (hit && entry.length > bestLength) {
        best = layer;
        bestLength = entry.length;
      }
    }
  }
  return best;
}

function describePackage(pkg) {
  return pkg === NODE ? 'the Node builtin' : 'the package';
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the dependency direction between the layers of src/' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          scope: { type: 'string' },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                paths: { type: 'array', items: { type: 'string' } },
                imports: { type: 'array', items: { type: 'string' } },
                packages: {
                  type: 'object',
                  properties: {
                    allow: { type: 'array', items: { type: 'string' } },
                    deny: { type: 'array', items: { type: 'string' } },
                  },
                  additionalProperties: false,
                },
                rule: { type: 'string' },
                because: { type: 'object', additionalProperties: { type: 'string' } },
              },
              required: ['name', 'paths', 'imports', 'rule'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'scope', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer: "{{from}} must not import {{to}} ('{{spec}}'): {{why}}",
      package: "{{from}} must not import {{kind}} '{{spec}}': {{why}}",
      unplaced: '{{file}} lies in no layer: place it in one of the layers declared in eslint.config.js',
      outside: "{{from}} must not import '{{spec}}', which lies in no layer of src/: {{why}}",
    },
  },

  create(context) {
    const { root, scope, layers } = context.options[0];
    const file = toPosix(path.relative(root, context.filename));
    if (!file.startsWith(scope)) return {};

    const here = layerOf(layers, file.replace(extension, ''));
    if (!here) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unplaced', data: { file } });
        },
      };
    }
    const allowed = new Set(here.imports);
    const why = (to) => here.because?.[to] ?? here.rule;

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const bare = spec.replace(/[?#].*$/, '');
      if (bare.startsWith('.') || bare.startsWith('/')) {
        const absolute = bare.startsWith('/') ? bare : path.resolve(path.dirname(context.filename), bare);
        const target = toPosix(path.relative(root, absolute)).replace(extension, '');
        const there = layerOf(layers, target);
        if (!there) {
          context.report({ node, messageId: 'outside', data: { from: here.name, spec, why: here.rule } });
        } else if (!allowed.has(there.name)) {
          context.report({ node, messageId: 'layer', data: { from: here.name, to: there.name, spec, why: why(there.name) } });
        }
        return;
      }
      const pkg = packageOf(bare);
      const { allow, deny } = here.packages ?? {};
      const refused = (allow && !allow.includes(pkg)) || (deny && deny.includes(pkg));
      if (refused) {
        context.report({ node, messageId: 'package', data: { from: here.name, kind: describePackage(pkg), spec, why: why(pkg) } });
      }
    }

    const fromSource = (node) => check(node.source, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: (node) => node.source && fromSource(node),
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node.moduleReference, node.moduleReference.expression.value),
      // `import('x').T` in a type; typescript-eslint 8 names the string `source`.
      TSImportType: (node) => check(node.source, node.source?.value),
      CallExpression: (node) => {
        const [first] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && first?.type === 'Literal') {
          check(first, first.value);
        }
      },
    };
  },
};

export default { meta: { name: 'bridgeport-layering' }, rules: { layering: layeringRule } };
