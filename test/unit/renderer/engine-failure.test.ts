import { describe, expect, it } from 'vitest';
import { describeFailure, engineFailure } from '../../../src/renderer/src/api/engine-failure';
import { BridgeportError } from '../../../src/shared/errors';

describe('engineFailure', () => {
  it('keeps the kind of a BridgeportError and the engine sentence, capitalized', () => {
    expect(engineFailure(new BridgeportError('refused', 'host port 8080/tcp is already published by Docker for container w1'))).toEqual({
      kind: 'refused',
      message: 'Host port 8080/tcp is already published by Docker for container w1',
    });
    expect(engineFailure(new BridgeportError('needs-privilege', 'changing firewall rules needs root'))).toEqual({ kind: 'needs-privilege', message: 'Changing firewall rules needs root' });
  });

  it('anything else failed', () => {
    expect(engineFailure(new Error("Error invoking remote method 'bridgeport:invoke': Error: boom"))).toEqual({ kind: 'failed', message: 'Boom' });
    expect(engineFailure('cannot reach the Bridgeport server')).toEqual({ kind: 'failed', message: 'Cannot reach the Bridgeport server' });
  });
});

describe('describeFailure', () => {
  const message = 'Network e2enet has 1 attached container (w1)';

  it('a refusal: orange, nothing was changed, the sentence verbatim', () => {
    const view = describeFailure({ kind: 'refused', message });
    expect(view).toMatchObject({ kind: 'refused', color: 'orange', title: 'Refused — nothing was changed', message, hint: null });
    expect(view.line).toBe(`Refused — nothing was changed: ${message}`);
    expect(describeFailure({ kind: 'refused', message }, 'desktop', 'Not created').title).toBe('Not created — refused, nothing was changed');
  });

  it('missing rights: yellow, with what to do on each face', () => {
    const desktop = describeFailure({ kind: 'needs-privilege', message: 'Bridgeport did not get administrator rights' });
    expect(desktop).toMatchObject({ color: 'yellow', title: 'Needs administrator rights' });
    expect(desktop.line).toBe('Needs administrator rights: Bridgeport did not get administrator rights');
    expect(desktop.hint).toMatch(/password/);
    expect(describeFailure({ kind: 'needs-privilege', message: 'x' }, 'browser').hint).toMatch(/sudo bridgeport serve/);
    expect(describeFailure({ kind: 'needs-privilege', message: 'x' }, 'desktop', 'Not published').title).toBe('Not published — needs administrator rights');
  });

  it('a failure: red', () => {
    const view = describeFailure({ kind: 'failed', message: 'The rules did not take effect' });
    expect(view).toMatchObject({ color: 'red', textColor: 'red', title: 'Failed', hint: null });
    expect(view.line).toBe('Failed: The rules did not take effect');
    expect(describeFailure({ kind: 'failed', message: 'x' }, 'desktop', 'Not moved').title).toBe('Not moved — it failed');
  });

  it('each kind looks different', () => {
    const views = (['refused', 'needs-privilege', 'failed'] as const).map((kind) => describeFailure({ kind, message }));
    expect(new Set(views.map((v) => v.color)).size).toBe(3);
    expect(new Set(views.map((v) => v.title)).size).toBe(3);
    for (const v of views) expect(v.line).toContain(message);
  });
});
