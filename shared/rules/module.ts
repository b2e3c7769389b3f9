/**
 * One algorithm, one place: everything the game, the server and the screens need to know
 * about an algorithm lives in ONE object of this shape, in the algorithm's own folder
 * (shared/rules/<name>/module.ts), registered in shared/rules/registry.ts. The game layer,
 * the server and the app iterate the registry; none of them branches on an algorithm's
 * name (issue 10). Like boardgame.io's `Game` object: rules, setup, views and words.
 *
 * Everything here is pure: views are computed from the cluster state; the engine's dry
 * run (is this move allowed now?) is applied by the caller (shared/rules/answered-moves.ts)
 * so that a module never imports the engine.
 */
import type * as z from 'zod/mini';
import type { AlgorithmRules } from './algorithm';
import type { Refusal } from './refusal';
import type { AlgorithmScoring } from './scoring-hooks';
import type { AlgorithmChallenges } from './challenge-hooks';
import type { AlgorithmReplayMarkers } from './replay-hooks';
import type { TickerRank } from './ticker-rank';
import type { ClusterCore, ClusterState, Command, Event, InboxEntry, NodeIndex } from './types';

// ---------------------------------------------------------------------------------
// The role table: one word, one shape, one colour per role, drawn the same on the
// phone and on the projector (never colour alone: a shape and a word too).

export type RoleShape = 'crown' | 'diamond' | 'circle' | 'square' | 'warning';
/** Names of the palette the screens share (app/components/game/look.ts turns them into paint). */
export type RoleColour = 'brass' | 'amber' | 'ember' | 'wave' | 'dusk' | 'alarm';

export interface RoleLook {
  /** One word (or short phrase), the same on every screen: "Leader", "Coordinator". */
  word: string;
  shape: RoleShape;
  colour: RoleColour;
  /** Drawn dashed: a tentative role (a pre-vote, a belief the lock service does not share). */
  dashed?: boolean;
  /** An ordinary member: a paused one reads just "Paused", not "Paused follower". */
  plain?: boolean;
}

export type RoleTable = Record<string, RoleLook>;

/** Colour names of the message pills (the screens' palette). */
export type MessageColour = 'brass' | 'amber' | 'kelp' | 'ice' | 'mist' | 'violet' | 'coral';

/** Each message kind's short pill label (a few letters, readable at a distance) and colour. */
export type MessageTable = Record<string, { label: string; colour: MessageColour }>;

// ---------------------------------------------------------------------------------
// The phone: what the student's own node knows, already put into words.

export interface Fact {
  label: string;
  value: string;
  /** A stable hook for tests, e.g. "fact-term". */
  id: string;
  /** Worth the student's attention now (drawn brighter). */
  strong?: boolean;
  /** Takes the whole width of the card (long values). */
  wide?: boolean;
}

export interface TimerFact {
  id: string;
  label: string;
  /** What happens when it runs out, in a few words. */
  then: string;
  /** Remaining ms on the node's clock when the view was computed. */
  remainingMs: number;
  /** The full length IN FORCE this round (the round's params), for the bar. */
  totalMs: number;
  /** Running out costs the node something (its lead): drawn red near the end, not amber. */
  critical?: boolean;
}

export interface NodeSummary {
  /** A key of the algorithm's role table (the view's `roles`). */
  role: string;
  /** The one number that matters most (Raft's term, Bully's rank, Lease's token). */
  headline: { label: string; value: string; suffix?: string };
  facts: Fact[];
  timers: TimerFact[];
  /** A line for the top of the card when the node must act ("Your election timer ran out"). */
  callout: string | null;
  /** Small print under the facts (the round's public parameters). */
  footnote?: string;
}

export type InboxTone = 'ask' | 'good' | 'bad' | 'info';

export interface InboxLine {
  key: number;
  text: string;
  tone: InboxTone;
  /** Room time it arrived, when known. */
  at: number | null;
}

/** How the phone lays a move out: a main button, a reply row, the steering pad, the write box. */
export type MoveLayout =
  | { kind: 'main' }
  /** A row answering one peer; `grants`: this button is the yes (vote / answer). */
  | { kind: 'reply'; peer: NodeIndex; title: string; stale: boolean; grants: boolean }
  /** `note`: the module's aside on what steering is (Raft: "a command in the log"). */
  | { kind: 'steer'; text: string; title: string; note?: string }
  /** A free-text move: the typed text goes into the command's `field`. */
  | { kind: 'write'; field: string };

/** A move the student could click now (before the engine's dry run says whether it is allowed). */
export interface MoveChoice<C extends { type: string } = Command> {
  command: C;
  label: string;
  layout: MoveLayout;
  /** What the rules expect of the node now: drawn brighter. */
  urgent?: boolean;
  /** The "no" of a pair (Refuse, Release): drawn quieter. */
  secondary?: boolean;
  /** A laptop's key for it (`KeyboardEvent.key`, lower case) and the hint drawn on the button. */
  shortcut?: { key: string; hint: string };
}

/** "s" -> { key: 's', hint: 'S' }. */
export const letterKey = (letter: string) => ({ key: letter, hint: letter.toUpperCase() });

/** People: the peers of the seat view, to write "B (Bob)". */
export interface PeerName {
  index: number;
  label: string;
  nickname: string;
}

// ---------------------------------------------------------------------------------
// The projector: the truth of every node and team-level extras.

export interface TruthSpecific {
  role: string;
  /** Who this node believes leads (label), if anyone. */
  leader: string | null;
  /** The timer that matters most for this node, for the ring around it (total in force). */
  timer: { name: string; remainingMs: number; totalMs: number } | null;
  /** The facts under the role word, e.g. "term 3 · voted B". */
  info: string;
  /** A leader of an older term cut off from the majority (drawn with a red ring). */
  stale?: boolean;
  term?: number;
  votedFor?: string | null;
  votes?: number;
  believesLeading?: boolean;
  token?: number | null;
}

/** Panels only some algorithms have; the screens draw a panel when its field is present. */
export interface TeamExtras {
  raft?: { course: string[]; commitIndex: number; heading: string | null; term: number };
  bully?: { lastElection: { sent: number; delivered: number; startedBy: string; declaredBy: string | null } | null; totalSent: number };
  lease?: { holder: string | null; expiresAt: number | null; version: number; token: number | null; fencing: boolean; splitBrains: number; writes: { node: string; value: string; token: number; at: number; accepted: boolean; stale: boolean }[] };
}

export interface TeamTruth {
  /** The first counter: elections, or lease handovers. */
  elections: number;
  alerts: string[];
  extras: TeamExtras;
}

export interface Preset {
  id: string;
  algorithm: string;
  name: string;
  /** One line for the host: what this preset is for. */
  summary: string;
  params: Record<string, unknown>;
}

/** The words the screens use for a team (display only). */
export interface TeamWords {
  /** The first counter's name: "Elections", "Lease handovers". */
  elections: string;
  /** Drawn with a central service every node talks to (Lease's lock service). */
  service: boolean;
  /** The central service's name on the host's controls ("Lock service"), when there is one. */
  serviceName?: string;
  /** The role keys of the legend, in order. */
  legend: string[];
}

/** Any algorithm's state: the common core, its name and its parameters (a registered module may bring its own). */
export type AnyCluster = ClusterCore & { algorithm: string; params: unknown };

export interface AlgorithmModule<S extends AnyCluster = ClusterState, C extends { type: string } = Command, P = Record<string, unknown>, V = unknown> {
  name: string;
  /** "Raft": the name on every screen. */
  title: string;
  /** One line for the host's set-up card. */
  line: string;
  /** The engine's hooks. Typed on the built-in states; a foreign algorithm casts at this seam. */
  rules: AlgorithmRules<S & ClusterState, C & Command>;
  /** Builds the algorithm's state from the common core and the params IN FORCE (already validated). */
  init(core: ClusterCore, params: P): S;
  /** The parameters with their validation: defaults filled in, out-of-range values refused. */
  params: z.ZodMiniType<P>;
  presets: Preset[];
  /** "A", "B"... or ranks "1", "2"... The data always carries the 0-based index. */
  nodeLabel(index: NodeIndex): string;
  roles: RoleTable;
  messages: MessageTable;
  team: TeamWords;
  /** The phone's raw node view (what the node knows; for bots), its summary in words, its inbox. */
  seat: {
    /** The per-node object a view is made from (the server skips rebuilding while it is the same object). */
    source(state: S, index: NodeIndex): unknown;
    node(state: S, index: NodeIndex): V;
    summary(state: S, index: NodeIndex, peers: PeerName[]): NodeSummary;
    moves(state: S, index: NodeIndex): MoveChoice<C>[];
    inboxLine(entry: InboxEntry, label: (index: NodeIndex) => string): { text: string; tone: InboxTone } | null;
  };
  screen: {
    node(state: S, index: NodeIndex, local: number): TruthSpecific;
    team(state: S): TeamTruth;
    /** "Leader B (term 2)", "Coordinator 4", "Lease held by A". */
    summary(nodes: { label: string; status: string; role: string; term?: number }[], extras: TeamExtras): string;
  };
  /** Refusal codes of the module's own (kebab-case; `moduleRefusals` in refusal.ts types them), beside the built-in ones. */
  refusalCodes?: readonly string[];
  /**
   * The module's parts of the wire (shared/game/view-schemas.ts and moves.ts build the
   * protocol's unions from every registered module): its raw node view (`seat.node`), its
   * team panels (`screen.team` extras) and its moves as a player sends them (no `node`).
   */
  // Core object types: classic zod or zod/mini objects both fit (the built-in ones are zod/mini, issue 12).
  wire: { node: z.core.$ZodObject; extras: z.core.$ZodObject; moves: readonly [z.core.$ZodObject, ...z.core.$ZodObject[]] };
  /**
   * Optional hint for autopilot bots (SPEC AP2): move types a diligent player would click now
   * that the phone does not draw urgent, read from the node's own view only (never the truth).
   */
  bot?: { duties(node: V): string[] };
  /**
   * A line for the projector's ticker, or null to let the common faults speak. `before` is
   * the cluster before the event only when `narrationReads` says 'before': a team run folds
   * the other events on a draft written in place (shared/rules/draft.ts), so for them
   * `before` may already be `after`.
   */
  narrate(event: Event, before: S, after: S): string | null;
  /**
   * Asked with the cluster before `event`, before it is folded: does its line (or rank)
   * read that cluster? 'before': yes (a team run folds it on a copy, so `before` holds);
   * 'silent': it tells nothing at all (no line of the module's, and no common one);
   * 'after': its line reads the event and `after` only. Absent: 'after' for every event.
   */
  narrationReads?(event: Event, before: S): NarrationReads;
  /** How a narrated event ranks on the ticker (shared/rules/ticker-rank.ts); absent or null: notable. `before` as for `narrate`. */
  rankEvent?(event: Event, before: S, after: S): TickerRank | null;
  /**
   * Live nodes acting as leader now (Raft leaders, Bully coordinators, Lease nodes that
   * believe they lead). Two at once is a split brain: the projector's alarm and the
   * recap's leader timeline read this, for every algorithm.
   */
  actingLeaders?(state: S): NodeIndex[];
  /** Duties and leads the scoring fold reads from the log (SPEC S2, S3); none when absent. */
  scoring?: AlgorithmScoring;
  /** Break safety's goal, breach and automatic refusals (SPEC K2); without it, the challenge is not offered. */
  challenges?: AlgorithmChallenges;
  /** The algorithm's own marks on the replay player's scrubber (commits, handovers...); none when absent. */
  replayMarkers?: AlgorithmReplayMarkers<S>;
  /** Its rule event types that put a new leader (or lease holder) in place: the host's History's "leader changes", the report's election winners, Break safety's recoveries. */
  leaderEvents: readonly string[];
}

/** What narrating an event reads of the cluster (AlgorithmModule's `narrationReads`). */
export type NarrationReads = 'after' | 'before' | 'silent';

/** A move with the law's answer (a dry run of decide). */
export interface AnsweredMove<C extends { type: string } = Command> extends MoveChoice<C> {
  allowed: boolean;
  refusal: Refusal | null;
}
