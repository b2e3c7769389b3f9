/**
 * A student's seat in one room. On every (re)connect it presents the stored seat token,
 * so a reload or a server restart lands the student on the same node.
 */
'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Refusal, SeatView } from '@/shared/protocol';
import { joinClass } from './actions';
import { keepIdentified, request, subscribe } from './connection';
import { forgetSeat, loadSeat, markSeatKicked } from './storage';

export type SeatState =
  | { phase: 'checking' }
  | { phase: 'form'; notice?: Refusal }
  | { phase: 'seated'; view: SeatView }
  | { phase: 'kicked' }
  | { phase: 'refused'; refusal: Refusal };

export function useSeat(code: string) {
  const [state, setState] = useState<SeatState>({ phase: 'checking' });

  useEffect(() => {
    const offView = subscribe('seat:view', (view) => {
      const seat = loadSeat(code);
      if (view.code !== code || !seat || view.nodeId !== seat.nodeId) return;
      if (view.status === 'kicked') {
        markSeatKicked(code);
        setState({ phase: 'kicked' });
      } else setState({ phase: 'seated', view });
    });
    const offIdentity = keepIdentified(() => {
      const seat = loadSeat(code);
      if (seat?.kicked) return setState({ phase: 'kicked' });
      if (!seat) return setState((s) => (s.phase === 'checking' ? { phase: 'form' } : s));
      void request('seat:resume', { code, seatToken: seat.seatToken }).then((ack) => {
        if (ack.ok) return setState({ phase: 'seated', view: ack.view });
        if (ack.refusal.code === 'kicked') {
          markSeatKicked(code);
          return setState({ phase: 'kicked' });
        }
        if (ack.refusal.code === 'stale-seat') {
          forgetSeat(code);
          return setState({ phase: 'form', notice: ack.refusal });
        }
        setState({ phase: 'refused', refusal: ack.refusal });
      });
    });
    return () => {
      offView();
      offIdentity();
    };
  }, [code]);

  const join = useCallback(
    async (nickname: string): Promise<Refusal | null> => {
      const outcome = await joinClass(code, nickname);
      if (outcome.ok) {
        setState({ phase: 'seated', view: outcome.value.view });
        return null;
      }
      if (outcome.refusal.code === 'kicked') setState({ phase: 'kicked' });
      return outcome.refusal;
    },
    [code],
  );

  return { state, join };
}
