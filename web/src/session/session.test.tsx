import { act, render } from '@testing-library/react';
import { vi } from 'vitest';
import { SessionProvider, useSession, type SessionApi } from './session';

function Capture({ into }: { into: { api?: SessionApi } }) {
  into.api = useSession();
  return null;
}

const session = (expiresInMs: number) => ({
  token: 't',
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  via: 'personas' as const,
  label: 'Kim Kiel',
});

describe('SessionProvider', () => {
  it('keeps the session in sessionStorage, not localStorage, and survives a reload', () => {
    const into: { api?: SessionApi } = {};
    const first = render(
      <SessionProvider onExpired={() => undefined}>
        <Capture into={into} />
      </SessionProvider>,
    );
    act(() => into.api!.signIn(session(60_000)));
    expect(window.sessionStorage.getItem('nachnutzungsregister.sitzung')).toContain('"token":"t"');
    expect(window.localStorage.length).toBe(0);
    first.unmount();
    render(
      <SessionProvider onExpired={() => undefined}>
        <Capture into={into} />
      </SessionProvider>,
    );
    expect(into.api!.current?.label).toBe('Kim Kiel');
  });

  it('leads to sign-in once, with the page the user was on, however many requests were refused', () => {
    window.history.pushState({}, '', '/nachnutzungen?seite=2');
    const onExpired = vi.fn();
    const into: { api?: SessionApi } = {};
    render(
      <SessionProvider onExpired={onExpired}>
        <Capture into={into} />
      </SessionProvider>,
    );
    act(() => into.api!.signIn(session(60_000)));
    act(() => {
      into.api!.expire();
      into.api!.expire();
    });
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(onExpired).toHaveBeenCalledWith('/nachnutzungen?seite=2');
    expect(into.api!.current).toBeNull();
    expect(window.sessionStorage.getItem('nachnutzungsregister.sitzung')).toBeNull();
  });

  it('ends the session when the token runs out while the page is open', () => {
    vi.useFakeTimers();
    try {
      const onExpired = vi.fn();
      const into: { api?: SessionApi } = {};
      render(
        <SessionProvider onExpired={onExpired}>
          <Capture into={into} />
        </SessionProvider>,
      );
      act(() => into.api!.signIn(session(5_000)));
      act(() => {
        vi.advanceTimersByTime(4_000);
      });
      expect(onExpired).not.toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(2_000);
      });
      expect(onExpired).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
