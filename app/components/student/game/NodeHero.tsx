import type { RoleTable } from '@/shared/rules/module';
import type { NodeStatus } from '@/shared/rules/types';
import { roleAccent } from '../../game/look';
import type { Fact, NodeSummary } from '@/shared/rules/module';
import { RoleShape } from './RoleShape';

type Props = { summary: NodeSummary; roles: RoleTable; label: string; nickname: string; status: NodeStatus };

const STATUS_NOTES: Record<Exclude<NodeStatus, 'live'>, { title: string; body: string; className: string }> = {
  crashed: { title: 'Your node has crashed', body: 'The teacher will restart it. Until then it hears nothing and can do nothing.', className: 'bg-slate-700 text-foam' },
  paused: { title: 'Frozen in a GC pause', body: 'Your clock stands still and nothing reaches you: you will wake up unaware of the time lost.', className: 'bg-cyan-100 text-abyss' },
};

function factCell(fact: Fact) {
  return (
    <div key={fact.id} className={`bg-navy px-4 py-2.5 ${fact.wide ? 'col-span-2' : ''}`} data-testid={`fact-${fact.id}`}>
      <dt className="text-xs font-bold tracking-wide text-mist uppercase">{fact.label}</dt>
      <dd className={`leading-snug font-bold ${fact.strong ? 'text-brass' : 'text-foam'} ${fact.wide && !fact.strong ? 'text-base' : 'text-lg'}`}>{fact.value}</dd>
    </div>
  );
}

/** The student's own node: its shape and label, who plays it, its role and the facts it knows. */
export function NodeHero({ summary, roles, label, nickname, status }: Props) {
  const note = status === 'live' ? null : STATUS_NOTES[status];
  const dim = status === 'crashed' ? 'opacity-60 grayscale' : '';
  const narrow = summary.facts.filter((f) => !f.wide);
  const wide = summary.facts.filter((f) => f.wide);
  return (
    <section className="w-full overflow-hidden rounded-3xl border-2 border-mist/25 bg-navy shadow-xl" data-testid="game-node" data-role={summary.role} data-status={status}>
      {note ? (
        <div role="alert" className={`px-5 py-3 ${note.className}`} data-testid="node-status">
          <p className="text-xl font-black">{note.title}</p>
          <p className="text-base font-semibold opacity-90">{note.body}</p>
        </div>
      ) : null}
      <div className={`flex items-center gap-4 p-4 ${dim}`}>
        <RoleShape roles={roles} role={summary.role} label={label} status={status} className="size-20 shrink-0 @3xl:size-28" />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-black tracking-widest uppercase" style={{ color: roleAccent(roles, summary.role) }} data-testid="node-role">
            {roles[summary.role]?.word ?? summary.role}
          </p>
          <p className="line-clamp-2 text-[1.75rem] leading-tight font-black break-words text-foam @3xl:text-3xl" data-testid="node-name">
            <span className="sr-only">Node </span>
            {label} <span className="font-bold text-mist">· {nickname}</span>
          </p>
        </div>
        <div className="shrink-0 text-right" data-testid="node-headline">
          <p className="text-sm font-bold tracking-widest text-mist uppercase">{summary.headline.label}</p>
          <p className="text-4xl font-black tabular-nums text-foam">
            {summary.headline.value}
            {summary.headline.suffix ? <span className="text-lg font-bold text-mist"> {summary.headline.suffix}</span> : null}
          </p>
        </div>
      </div>
      <dl className={`grid grid-cols-2 gap-px border-t border-mist/20 bg-mist/20 ${dim}`}>
        {narrow.map(factCell)}
        {narrow.length % 2 === 1 ? <div className="bg-navy" aria-hidden /> : null}
        {wide.map(factCell)}
      </dl>
      {summary.footnote ? <p className="border-t border-mist/20 px-4 py-2 text-sm font-semibold text-mist">{summary.footnote}</p> : null}
    </section>
  );
}
