import { describe, expect, it } from 'vitest';
import { privilegeBanner } from '../../../src/renderer/src/components/privilege-banner';
import en from '../../../src/renderer/src/i18n/locales/en/components.json';

describe('privilegeBanner', () => {
  it('shows nothing with the rights, or before the first answer', () => {
    expect(privilegeBanner(null)).toBeNull();
    expect(privilegeBanner({ state: 'root', reason: null })).toBeNull();
    expect(privilegeBanner({ state: 'elevated', reason: null })).toBeNull();
  });

  it('offers Elevate when not yet asked, without a reason', () => {
    expect(privilegeBanner({ state: 'not-elevated', reason: null })).toEqual({ state: 'not-elevated', titleKey: 'banner.title', messageKey: 'banner.message', reason: null, canElevate: true });
  });

  it('says a declined prompt as missing rights and offers to ask again', () => {
    const view = privilegeBanner({ state: 'declined', reason: 'bridgeport did not get administrator rights: the password prompt was cancelled or refused' });
    expect(view).toMatchObject({ state: 'declined', titleKey: 'banner.titleDeclined', canElevate: true, reason: { kind: 'needs-privilege', message: 'Bridgeport did not get administrator rights: the password prompt was cancelled or refused' } });
  });

  it('shows the reason and no button when asking cannot work here', () => {
    expect(privilegeBanner({ state: 'unavailable', reason: 'pkexec is not installed' })).toMatchObject({ canElevate: false, reason: { kind: 'needs-privilege', message: 'Pkexec is not installed' } });
  });

  it('shows a helper that did not start as a failure', () => {
    expect(privilegeBanner({ state: 'not-elevated', reason: "Bridgeport's privileged helper did not start: boom" })).toMatchObject({ canElevate: true, reason: { kind: 'failed' } });
  });

  it('names what the read-only view does not show', () => {
    expect(en.banner.message).toMatch(/veth cables, NAT rules, listening processes and container DNS files/);
  });
});
