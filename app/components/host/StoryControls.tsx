'use client';

import { useEffect } from 'react';
import { storyBeat, type StoryAction } from '@/app/client/host-game-actions';
import type { ScreenStory } from '@/shared/game/story-cues';
import { BUTTON, BUTTON_DANGER, BUTTON_PRIMARY, CARD, LABEL } from './controls';
import { RefusalNote } from './RefusalNote';
import { useHostCommand } from './use-host-command';

/** Keys a presenter remote or a keyboard sends: Next on Space, PageDown or →; Back on PageUp or ←; R replays the beat. */
const KEYS: Record<string, StoryAction> = { ' ': 'next', PageDown: 'next', ArrowRight: 'next', PageUp: 'back', ArrowLeft: 'back', r: 'replay', R: 'replay' };

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** The host's story controls during a story round: Next, Back, Replay this beat, Stop the story. */
export function StoryControls({ code, story }: { code: string; story: ScreenStory }) {
  const command = useHostCommand();
  const { run } = command;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = KEYS[event.key];
      if (!action || typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      void run(() => storyBeat(code, action));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [code, run]);
  const send = (action: StoryAction) => void command.run(() => storyBeat(code, action));
  return (
    <section aria-label="Story" data-testid="story-controls" className={CARD}>
      <span className={LABEL}>
        Story · beat {story.beat} of {story.beats}
        {story.status === 'finished' ? ' · over' : story.waitsForNext ? ' · waits for Next' : ' · runs by itself'}
      </span>
      <p className="text-lg font-black">{story.title}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON} onClick={() => send('back')} aria-keyshortcuts="PageUp">
          ◀ Back
        </button>
        <button type="button" className={BUTTON} onClick={() => send('replay')} aria-keyshortcuts="R">
          ↺ Replay beat
        </button>
        <button type="button" className={BUTTON_PRIMARY} onClick={() => send('next')} disabled={story.status === 'finished'} aria-keyshortcuts="Space PageDown" data-testid="story-next">
          Next ▶
        </button>
        <button type="button" className={BUTTON_DANGER} onClick={() => send('stop')}>
          Stop story
        </button>
      </div>
      <p className="text-sm text-mist">Space or PageDown: next beat · PageUp: back · R: replay the beat</p>
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
    </section>
  );
}
