/** The projector's read-only view of a room, re-watched after every reconnect. */
'use client';

import { useEffect, useState } from 'react';
import type { Refusal, RoomView } from '@/shared/protocol';
import { keepIdentified, request, subscribe } from './connection';

export type ScreenRoomState =
  | { phase: 'loading' }
  | { phase: 'ready'; view: RoomView }
  | { phase: 'refused'; refusal: Refusal };

export function useScreenRoom(code: string): ScreenRoomState {
  const [state, setState] = useState<ScreenRoomState>({ phase: 'loading' });
  useEffect(() => {
    const offView = subscribe('room:view', (view) => {
      if (view.code === code) setState({ phase: 'ready', view });
    });
    const offIdentity = keepIdentified(() => {
      void request('screen:watch', { code }).then((ack) =>
        setState(ack.ok ? { phase: 'ready', view: ack.view } : { phase: 'refused', refusal: ack.refusal }),
      );
    });
    return () => {
      offView();
      offIdentity();
    };
  }, [code]);
  return state;
}
