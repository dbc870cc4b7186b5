import { describe, expect, it } from 'vitest';
import { describeFailure, engineFailure } from '../../../src/renderer/src/api/engine-failure';
import { BridgeportError } from '../../../src/shared/errors';
import components from '../../../src/renderer/src/i18n/locales/en/components.json';

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

// The window's words come from the components catalogue alone (failure.*): the English ones here.
const words = components.failure as unknown as Record<string, Record<string, string>>;
const say = (key: string, what?: string) => {
  const [, group, name] = key.split('.');
  return words[group!]![name!]!.replace('{{what}}', what ?? '');
};

describe('describeFailure', () => {
  const message = 'Network e2enet has 1 attached container (w1)';

  it('a refusal: orange, nothing was changed, the sentence verbatim', () => {
    const view = describeFailure({ kind: 'refused', message });
    expect(view).toMatchObject({ kind: 'refused', color: 'orange', message, hintKey: null });
    expect(say(view.titleKey)).toBe('Refused — nothing was changed');
    expect(say(view.headlineKey)).toBe('Refused — nothing was changed');
    expect(say(describeFailure({ kind: 'refused', message }, 'desktop', true).titleKey, 'Not created')).toBe('Not created — refused, nothing was changed');
  });

  it('missing rights: yellow, with what to do on each face', () => {
    const desktop = describeFailure({ kind: 'needs-privilege', message: 'Bridgeport did not get administrator rights' });
    expect(desktop).toMatchObject({ color: 'yellow' });
    expect(say(desktop.titleKey)).toBe('Needs administrator rights');
    expect(say(desktop.hintKey!)).toMatch(/password/);
    expect(say(describeFailure({ kind: 'needs-privilege', message: 'x' }, 'browser').hintKey!)).toMatch(/sudo bridgeport serve/);
    expect(say(describeFailure({ kind: 'needs-privilege', message: 'x' }, 'desktop', true).titleKey, 'Not published')).toBe('Not published — needs administrator rights');
  });

  it('a failure: red', () => {
    const view = describeFailure({ kind: 'failed', message: 'The rules did not take effect' });
    expect(view).toMatchObject({ color: 'red', textColor: 'red', hintKey: null });
    expect(say(view.titleKey)).toBe('Failed');
    expect(say(describeFailure({ kind: 'failed', message: 'x' }, 'desktop', true).titleKey, 'Not moved')).toBe('Not moved — it failed');
  });

  it('each kind looks different', () => {
    const views = (['refused', 'needs-privilege', 'failed'] as const).map((kind) => describeFailure({ kind, message }));
    expect(new Set(views.map((v) => v.color)).size).toBe(3);
    expect(new Set(views.map((v) => say(v.titleKey))).size).toBe(3);
    for (const v of views) expect(v.message).toBe(message);
  });

  it('keeps the message the engine said the sentence as, for the window to translate', () => {
    const said = { key: 'engine-errors:publish.noContainer', params: { ref: 'w9' } };
    const failure = engineFailure(new BridgeportError('refused', 'no container named or with id "w9"', said));
    expect(failure).toEqual({ kind: 'refused', message: 'No container named or with id "w9"', said });
    expect(describeFailure(failure).said).toEqual(said);
  });
});
