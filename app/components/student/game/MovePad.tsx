'use client';

import { useEffect, useEffectEvent, useMemo } from 'react';
import type { Move } from '@/shared/game/moves';
import type { MoveOption } from '@/shared/game/seat-view';
import { LockIcon, MoveButton } from './MoveButton';
import { drawnOrder, groupMoves, withText } from './move-groups';
import { buildShortcuts, isMoveKey } from './shortcuts';
import { WriteBox } from './WriteBox';

type Props = {
  moves: MoveOption[];
  pending: ReadonlySet<string>;
  onPress: (option: MoveOption, move?: Move, label?: string) => void;
  writeText: string;
  onWriteText: (text: string) => void;
};

/** The reasons under a row of small buttons: one line per distinct refusal. */
function GroupReason({ options, named = false }: { options: MoveOption[]; named?: boolean }) {
  const seen = new Map<string, MoveOption[]>();
  for (const o of options) if (!o.allowed && o.refusal) seen.set(o.refusal.message, [...(seen.get(o.refusal.message) ?? []), o]);
  return [...seen.values()].map((locked) => {
    const refusal = locked[0]!.refusal!;
    return (
      <p key={refusal.message} className="flex items-start gap-1.5 text-sm leading-snug font-semibold text-mist">
        <LockIcon className="mt-0.5 size-4 shrink-0" />
        <span>
          {named ? <span className="font-black text-foam/80">{locked.map((o) => o.label).join(', ')}: </span> : null}
          <span className="font-black text-foam/80">{refusal.rule}</span> · {refusal.message}
        </span>
      </p>
    );
  });
}

/** The algorithm's decisions as buttons, with keyboard shortcuts on a laptop. */
export function MovePad({ moves, pending, onPress, writeText, onWriteText }: Props) {
  const groups = useMemo(() => groupMoves(moves), [moves]);
  const ordered = useMemo(() => drawnOrder(groups), [groups]);
  const shortcuts = useMemo(() => buildShortcuts(ordered), [ordered]);

  const pressOption = (option: MoveOption) => {
    if (option.layout.kind !== 'write') return onPress(option);
    const value = writeText.trim() || 'x';
    onPress(option, withText(option, value), `${option.label} "${value}"`);
  };

  // An effect event: the listener is added once, yet always sees the latest moves.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!isMoveKey(event)) return;
    const id = shortcuts.byKey.get(event.key.toLowerCase());
    const option = ordered.find((o) => o.id === id);
    if (!option || pending.has(option.id)) return;
    event.preventDefault();
    pressOption(option);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (moves.length === 0) return null;
  // A crashed or frozen node: every move is locked for one reason, said once on top.
  const first = moves[0]?.refusal;
  const oneReason = first && moves.every((o) => !o.allowed && o.refusal?.message === first.message) ? moves : null;
  const reasons = (options: MoveOption[], named = false) => (oneReason ? null : <GroupReason options={options} named={named} />);
  const button = (option: MoveOption, extra: Partial<Parameters<typeof MoveButton>[0]> = {}) => (
    <MoveButton
      key={option.id} option={option} onPress={pressOption} pending={pending.has(option.id)} hint={shortcuts.hints.get(option.id)}
      urgent={option.urgent} secondary={option.secondary} {...extra} compact={Boolean(oneReason) || extra.compact}
    />
  );

  return (
    <section className="flex w-full flex-col gap-3" aria-label="Your moves" data-testid="move-pad">
      {oneReason ? <div className="rounded-2xl bg-navy/60 px-4 py-3 ring-1 ring-mist/20"><GroupReason options={oneReason.slice(0, 1)} /></div> : null}
      {groups.map((group) => {
        if (group.kind === 'main') return <div key="main" className="grid gap-2.5">{group.options.map((o) => button(o))}</div>;
        if (group.kind === 'reply') {
          return (
            <div key={`reply-${group.key}`} className={`rounded-2xl p-3 ${group.open ? 'bg-sky-950/60 ring-2 ring-sky-300/60' : 'bg-navy/60 ring-1 ring-mist/20'}`} data-testid={`reply-${group.key}`}>
              <p className={`mb-2 text-lg font-black ${group.open ? 'text-sky-200' : 'text-mist'}`}>{group.title}</p>
              <div className={`grid gap-2.5 ${group.options.length > 1 ? 'grid-cols-2' : ''}`}>
                {group.options.map((o) => button(o, { compact: true, urgent: !group.stale && o.urgent }))}
              </div>
              <div className="mt-2 empty:hidden">{reasons(group.options, true)}</div>
            </div>
          );
        }
        if (group.kind === 'steer') {
          const layout = group.options[0]?.layout;
          const note = layout?.kind === 'steer' ? layout.note : undefined;
          return (
            <div key="steer" className="flex flex-col gap-2 rounded-2xl bg-navy/60 p-3 ring-1 ring-mist/20">
              <p className="text-base font-black text-foam">{group.title} {note ? <span className="font-semibold text-mist">({note})</span> : null}</p>
              <div className="grid grid-cols-4 gap-2">
                {group.options.map((o) => button(o, { compact: true, text: o.layout.kind === 'steer' ? o.layout.text : undefined }))}
              </div>
              {reasons(group.options)}
            </div>
          );
        }
        return group.options.map((o) => (
          <WriteBox key={o.id} text={writeText} onText={onWriteText} onSubmit={() => pressOption(o)} footer={reasons([o])}>
            {button(o, { text: o.label, compact: true })}
          </WriteBox>
        ));
      })}
    </section>
  );
}
