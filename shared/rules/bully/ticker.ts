/** How Bully's ticker lines rank (shared/rules/ticker-rank.ts): a new coordinator leads, OKs and suspicions group. */
import { rankLabel } from '../labels';
import { HEADLINE, NOTABLE, routine, type TickerRank } from '../ticker-rank';
import type { Event } from '../types';

export function rankBullyEvent(event: Event): TickerRank | null {
  switch (event.type) {
    case 'CoordinatorAnnounced':
      return HEADLINE;
    case 'CoordinatorAccepted':
      // "Everyone alive now follows 4" (a lower rank's claim is only notable, B5).
      return event.from < event.node ? NOTABLE : HEADLINE;
    case 'ElectionAnswered':
      return routine(`ok:${event.to}`, `{n} higher ranks answered node ${rankLabel(event.to)}: "OK, I outrank you."`);
    case 'CoordinatorSuspected':
      return routine(`suspect:${event.coordinator}`, `{n} nodes suspect coordinator ${rankLabel(event.coordinator)}.`);
    case 'SuspicionCleared':
      return routine(`clear:${event.coordinator}`, `{n} nodes hear coordinator ${rankLabel(event.coordinator)} again.`);
    default:
      return null; // the common faults rank themselves (shared/game/ticker.ts)
  }
}
