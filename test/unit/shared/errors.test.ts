// The kind of every engine error, read off real instances thrown by the code that throws them, and
// the wire shape every transport carries.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveFixId } from '../../../src/main/engine/doctor/run-checks';
import { checkNetnsCreate } from '../../../src/main/engine/links/check-links';
import { dockerFailure } from '../../../src/main/engine/networks/docker-failure';
import { findContainer } from '../../../src/main/engine/publish/check-publish';
import { parseInterfaceAddress } from '../../../src/main/netcore/addresses/link-addresses';
import { OperationError, parseOperation } from '../../../src/main/privileged/contract/operations';
import { HelperError, HelperExecutor } from '../../../src/main/privileged/helper/helper-client';
import { elevationError } from '../../../src/main/privileged/helper/helper-launcher';
import { rootExecutor } from '../../../src/main/privileged/root-executor';
import { CommandError } from '../../../src/main/system/run-command';
import { parsePublishSpec } from '../../../src/shared/atoms/port-spec';
import { ContractError, parseCall } from '../../../src/shared/contract';
import { BridgeportError, errorKindOf, fromWireError, toWireError, unwrapCallResult, wireErrorSchema, type ErrorKind } from '../../../src/shared/errors';

/** What `fn` throws (or rejects with). */
async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const view = { links: new Map(), namespaces: [{ name: 'taken', current: false }], routes: [], things: [] };

describe('errorKindOf: refusals (nothing was changed)', () => {
  const cases: Array<[string, () => unknown, string]> = [
    ['ContractError (unknown method)', () => parseCall('rm -rf', {}), 'ContractError'],
    ['ContractError (bad input)', () => parseCall('ports.publish', { hostPort: 0 }), 'ContractError'],
    ['OperationError (unknown operation)', () => parseOperation('rm -rf', {}), 'OperationError'],
    ['OperationError (invalid arguments)', () => parseOperation('helper.status', { extra: 1 }), 'OperationError'],
    ['NetworkRefused (Docker said no)', () => { throw dockerFailure({ statusCode: 403, json: { message: 'This node is not a swarm manager.' } }); }, 'NetworkRefused'],
    ['DoctorRefused', () => resolveFixId('no-such-check'), 'DoctorRefused'],
    ['LinkValueError', () => parseInterfaceAddress('10.0.0.300/24'), 'LinkValueError'],
    ['LinkRefused', () => checkNetnsCreate('taken', view), 'LinkRefused'],
    ['PublishRefused', () => findContainer('nobody', []), 'PublishRefused'],
    ['PortSpecError', () => parsePublishSpec('eighty:80'), 'PortSpecError'],
  ];
  for (const [what, fn, name] of cases) {
    it(what, async () => {
      const error = await thrown(fn);
      expect((error as Error).name).toBe(name);
      expect(errorKindOf(error)).toBe('refused');
    });
  }
});

describe('errorKindOf: missing rights', () => {
  afterEach(() => vi.restoreAllMocks());

  it("the root executor's refusal when not root", async () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    const error = await thrown(() => rootExecutor());
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toMatch(/needs root/);
    expect(errorKindOf(error)).toBe('needs-privilege');
  });

  it('a dismissed or denied password prompt, or one that cannot be shown (pkexec exits 126 or 127)', () => {
    expect(errorKindOf(elevationError(126, null, 'Error executing command as another user: Not authorized\n'))).toBe('needs-privilege');
    expect(errorKindOf(elevationError(127, null, 'Error executing command as another user: No authentication agent found.\n'))).toBe('needs-privilege');
    // The helper started and then gave up: that failed.
    expect(errorKindOf(elevationError(2, null, 'bridgeport helper: --for-uid is missing\n'))).toBe('failed');
  });
});

describe('errorKindOf: failures', () => {
  it('anything that does not say otherwise', () => {
    expect(errorKindOf(new OperationError('the rules did not take effect'))).toBe('failed');
    expect(errorKindOf(new CommandError(['ip', 'link'], 2, 'boom'))).toBe('failed');
    expect(errorKindOf(dockerFailure({ code: 'ECONNREFUSED' }))).toBe('failed');
    expect(errorKindOf(new Error('x'))).toBe('failed');
    expect(errorKindOf('a string')).toBe('failed');
    expect(errorKindOf(null)).toBe('failed');
    expect(errorKindOf(undefined)).toBe('failed');
    expect(errorKindOf({ kind: 'bogus' })).toBe('failed');
    expect(errorKindOf(Object.assign(new Error('not-a-kind'), { kind: 42 }))).toBe('failed');
  });

  it('the message is never read', () => {
    expect(errorKindOf(new Error('refused: needs root'))).toBe('failed');
  });

  it('a BridgeportError keeps its kind', () => {
    for (const kind of ['refused', 'needs-privilege', 'failed'] as ErrorKind[]) expect(errorKindOf(new BridgeportError(kind, 'm'))).toBe(kind);
  });
});

describe('the wire shape', () => {
  it('is { kind, message }, both ways', () => {
    const wire = toWireError(new ContractError('unknown method "x"'));
    expect(wire).toEqual({ kind: 'refused', message: 'unknown method "x"' });
    expect(wireErrorSchema.parse(wire)).toEqual(wire);
    const back = fromWireError(wire);
    expect(back).toBeInstanceOf(BridgeportError);
    expect(back).toBeInstanceOf(Error);
    expect(back).toMatchObject({ name: 'BridgeportError', kind: 'refused', message: 'unknown method "x"' });
    expect(toWireError('plain')).toEqual({ kind: 'failed', message: 'plain' });
  });

  it('reads a malformed error as a failure', () => {
    expect(fromWireError('an old bare string')).toMatchObject({ kind: 'failed', message: 'an old bare string' });
    expect(fromWireError({ kind: 'bogus', message: 'm' })).toMatchObject({ kind: 'failed' });
    expect(fromWireError(undefined)).toMatchObject({ kind: 'failed' });
  });

  it('unwraps a call result', async () => {
    expect(unwrapCallResult({ ok: true, value: 3 })).toBe(3);
    expect(() => unwrapCallResult({ ok: false, error: { kind: 'needs-privilege', message: 'needs root' } })).toThrow(BridgeportError);
    await expect(thrown(() => unwrapCallResult({ ok: false, error: { kind: 'needs-privilege', message: 'needs root' } }))).resolves.toMatchObject({ kind: 'needs-privilege' });
    expect(() => unwrapCallResult(undefined as never)).toThrow(/no answer/);
  });
});

describe('the elevated helper carries the kind back', () => {
  it('an error reply rejects with the kind it names', async () => {
    const toHelper = new PassThrough();
    const fromHelper = new PassThrough();
    const replies = [
      { ok: false, error: { kind: 'refused', message: 'a link named x already exists in this namespace' } },
      { ok: false, error: { kind: 'failed', message: 'ip link add failed: boom' } },
    ];
    toHelper.setEncoding('utf8');
    toHelper.on('data', (text: string) => {
      for (const line of text.split('\n').filter(Boolean)) {
        const { id } = JSON.parse(line) as { id: number };
        fromHelper.write(`${JSON.stringify({ id, ...replies.shift() })}\n`);
      }
    });
    const executor = new HelperExecutor(toHelper, fromHelper);
    const refused = await thrown(() => executor.run('helper.status', {}));
    expect(refused).toBeInstanceOf(HelperError);
    expect(refused).toMatchObject({ kind: 'refused', message: 'a link named x already exists in this namespace' });
    expect(errorKindOf(refused)).toBe('refused');
    expect(errorKindOf(await thrown(() => executor.run('helper.status', {})))).toBe('failed');
    executor.close();
  });
});
