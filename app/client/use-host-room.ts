/** The host panel's view of a room, kept identified across reconnects. */
'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Refusal, RoomView } from '@/shared/protocol';
import { keepIdentified, request, subscribe } from './connection';
import { loadHostToken } from './storage';

export type HostRoomState =
  | { phase: 'loading' }
  | { phase: 'ready'; view: RoomView }
  | { phase: 'refused'; refusal: Refusal };

export function useHostRoom(code: string) {
  const [state, setState] = useState<HostRoomState>({ phase: 'loading' });
  const [token, setToken] = useState<string | null>(null);

  useEffect(() => {
    const hostToken = loadHostToken(code);
    setToken(hostToken);
    if (!hostToken) {
      setState({ phase: 'refused', refusal: { code: 'no-host-token' as const, message: 'This browser does not hold the host key for this class. Open it from the browser that created it, or host a new class.' } });
      return;
    }
    const offView = subscribe('room:view', (view) => {
      if (view.code === code) setState({ phase: 'ready', view });
    });
    const offIdentity = keepIdentified(() => {
      void request('host:attach', { code, hostToken }).then((ack) =>
        setState(ack.ok ? { phase: 'ready', view: ack.view } : { phase: 'refused', refusal: ack.refusal }),
      );
    });
    return () => {
      offView();
      offIdentity();
    };
  }, [code]);

  const kick = useCallback(
    (nodeId: number) => (token ? request('host:kick', { code, hostToken: token, nodeId }) : Promise.resolve(noToken)),
    [code, token],
  );
  const lock = useCallback(() => (token ? request('host:lock', { code, hostToken: token }) : Promise.resolve(noToken)), [code, token]);
  const unlock = useCallback(() => (token ? request('host:unlock', { code, hostToken: token }) : Promise.resolve(noToken)), [code, token]);
  const remove = useCallback(() => (token ? request('host:room:delete', { code, hostToken: token }) : Promise.resolve(noToken)), [code, token]);

  const fillBots = useCallback(
    (upTo: number) => (token ? request('host:bots:fill', { code, hostToken: token, upTo, temperament: 'diligent' }) : Promise.resolve(noToken)),
    [code, token],
  );

  return { state, kick, lock, unlock, remove, fillBots };
}

const noToken = { ok: false as const, refusal: { code: 'no-host-token' as const, message: 'This browser does not hold the host key for this class.' } };
