'use client';

import { startStory } from '@/app/client/host-game-actions';
import { storyListings } from '@/shared/stories/index';
import { algorithmModule } from '@/shared/rules/registry';
import { BUTTON, CARD, LABEL } from './controls';
import { RefusalNote } from './RefusalNote';
import { useHostCommand } from './use-host-command';

/**
 * Stories (issue 8): each of the lecture's stories, one click to start. The story sets up
 * its own round (algorithm, numbers tuned for people at 1x, autopilot on) and its cues.
 */
export function StoryPicker({ code, players }: { code: string; players: number }) {
  const command = useHostCommand();
  const stories = storyListings();
  return (
    <section aria-labelledby="stories-title" data-testid="story-picker" className={CARD}>
      <h2 id="stories-title" className="text-2xl font-black">
        Stories: teach the lecture
      </h2>
      <p className="text-base text-mist">
        One click sets up the round and guides the class beat by beat: cues on the projector, the one move each student should make on their phone. Next: Space or PageDown.
      </p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {stories.map((story) => {
          const short = players < story.nodes ? `needs ${story.nodes} nodes` : players % story.nodes !== 0 ? `teams of exactly ${story.nodes}` : null;
          return (
            <li key={story.id} className="flex min-w-0 flex-col gap-1 rounded-xl border-2 border-mist/20 p-3">
              <span className={LABEL}>
                {algorithmModule(story.algorithm).title} · {story.nodes} nodes · {story.beats} beats
              </span>
              <button type="button" className={`${BUTTON} text-left text-lg`} disabled={command.pending} data-testid={`story-${story.id}`} onClick={() => void command.run(() => startStory(code, story.id))}>
                ▶ {story.title}
              </button>
              <span className="text-base text-mist">{story.shows}</span>
              {short ? <span className="text-sm font-bold text-amber">{short}: add students or Fill with bots</span> : null}
            </li>
          );
        })}
      </ul>
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
    </section>
  );
}
