import type { SeatStory } from '@/shared/game/story-cues';

/**
 * Story mode on a student's phone: the one thing the story needs from them now (its move
 * glows on the pad below), or, when nothing is asked of them, a calm line: watch.
 */
export function StoryCue({ story }: { story: SeatStory }) {
  if (story.cue) {
    return (
      <section data-testid="story-cue-phone" data-cued="true" className="flex flex-col gap-1 rounded-2xl bg-brass px-4 py-3 text-abyss shadow-lg">
        <span className="text-sm font-black tracking-widest uppercase">Story · your move</span>
        <span className="text-xl leading-snug font-black">{story.cue.text}</span>
      </section>
    );
  }
  return (
    <section data-testid="story-cue-phone" data-cued="false" className="flex flex-col gap-1 rounded-2xl bg-navy/70 px-4 py-3 ring-1 ring-mist/30">
      <span className="text-sm font-bold tracking-widest text-mist uppercase">Story · {story.title}</span>
      <span className="text-lg leading-snug font-semibold text-foam">{story.status === 'finished' ? 'The story is over. The lesson:' : 'Nothing for you to do now: watch the projector.'}</span>
      <span className="text-base leading-snug text-mist">{story.beat}</span>
    </section>
  );
}
