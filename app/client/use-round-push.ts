/**
 * A round's view as the server pushes it ('game:seat' to a student, 'game:view' to hosts
 * and projectors). Each view is stamped with the page's monotonic time on arrival, so the
 * room clock can be counted on from it (see use-room-time.ts).
 */
'use client';

import { useEffect, useState } from 'react';
import type { ServerPayload } from '@/shared/protocol';
import { subscribe } from './connection';

export type RoundPushState<V> =
  /** Nothing heard yet (the resume, watch or attach is still on its way). */
  | { phase: 'unknown' }
  /** The server said: no round in this room yet. */
  | { phase: 'none' }
  | { phase: 'round'; view: V; receivedAt: number };

type RoundEvent = 'game:seat' | 'game:view';

export function useRoundPush<E extends RoundEvent>(event: E, code: string): RoundPushState<NonNullable<ServerPayload<E>>> {
  const [state, setState] = useState<RoundPushState<NonNullable<ServerPayload<E>>>>({ phase: 'unknown' });

  useEffect(() => {
    setState({ phase: 'unknown' });
    // Subscribed in the same commit as the resume/watch request, so the first view is never missed.
    return subscribe(event, (view) => {
      setState(view === null ? { phase: 'none' } : { phase: 'round', view: view as NonNullable<ServerPayload<E>>, receivedAt: performance.now() });
    });
  }, [event, code]);

  return state;
}
