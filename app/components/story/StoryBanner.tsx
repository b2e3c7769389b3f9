import type { ScreenStory } from '@/shared/game/story-cues';

/**
 * Story mode on the projector (and, smaller, on the host's stage): the beat's cue, and the
 * lecture's punch lines as they happen ("Two leaders at once...", then "The storage
 * refused token 1: fencing"). Sized for the back row: nothing under 28 px at 1920x1080.
 */
export function StoryBanner({ story, large }: { story: ScreenStory; large: boolean }) {
  const latest = story.punches.at(-1) ?? null;
  const earlier = story.punches.slice(0, -1);
  return (
    <section aria-label="Story" aria-live="polite" data-testid="story-banner" className={`flex flex-col rounded-2xl border-4 border-brass/70 bg-navy/90 ${large ? 'gap-2 px-6 py-3' : 'gap-1 px-4 py-2'}`}>
      <p className={`font-black tracking-wide text-brass ${large ? 'text-3xl' : 'text-base'}`}>
        {story.title} <span className="text-mist">· beat {story.beat} of {story.beats}{story.status === 'finished' ? ' · the end' : ''}</span>
      </p>
      <p data-testid="story-cue" className={`font-bold leading-tight text-foam ${large ? 'text-4xl' : 'text-xl'}`}>
        {story.status === 'finished' ? story.lesson : story.cue}
      </p>
      {!large && story.nodeCues.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 text-sm text-mist" data-testid="story-node-cues">
          {story.nodeCues.map((cue) => (
            <li key={cue.label}>
              <span className="font-black text-foam">{cue.label}:</span> {cue.text}
            </li>
          ))}
        </ul>
      ) : null}
      {earlier.map((line) => (
        <p key={line} className={`font-bold text-mist ${large ? 'text-3xl' : 'text-base'}`}>
          {line}
        </p>
      ))}
      {latest ? (
        <p data-testid="story-punch" className={`rounded-xl bg-coral font-black leading-tight text-abyss ${large ? 'px-5 py-2 text-5xl' : 'px-3 py-1 text-xl'}`}>
          {latest}
        </p>
      ) : null}
    </section>
  );
}
