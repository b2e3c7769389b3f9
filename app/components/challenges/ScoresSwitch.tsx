'use client';

import { setScores } from '@/app/client/host-game-actions';
import { RefusalNote } from '../host/RefusalNote';
import { useHostCommand } from '../host/use-host-command';

/** The teacher's scores switch (SPEC S11): off, the projector and phones show no scores. */
export function ScoresSwitch({ code, off, className }: { code: string; off: boolean; className: string }) {
  const command = useHostCommand();
  return (
    <div className="flex flex-col gap-1">
      <button type="button" role="switch" aria-checked={!off} data-testid="scores-switch" className={className} onClick={() => void command.run(() => setScores(code, off))}>
        Scores: {off ? 'off' : 'on'}
      </button>
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
    </div>
  );
}
