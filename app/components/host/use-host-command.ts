'use client';

import { useCallback, useState } from 'react';
import type { Refusal, Result } from '@/shared/rules/refusal';

type Answer = Result;

/**
 * Runs one host command at a time for a group of controls and keeps the server's refusal,
 * if any, to show next to them. The server decides; the panel only reports its answer.
 */
export function useHostCommand() {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, setPending] = useState(false);
  const run = useCallback(async (send: () => Promise<Answer>): Promise<boolean> => {
    setPending(true);
    try {
      const ack = await send();
      setRefusal(ack.ok ? null : ack.refusal);
      return ack.ok;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, refusal, pending, clear: () => setRefusal(null) };
}
