'use client';

/**
 * The round's charts, drawn with Observable Plot (docs/REPORT.md says why): SVG with an
 * aria-label and description per chart and a <title> per mark, and every mark a link to the
 * replay at its moment (Plot's `href` channel). Loaded by SessionReport with a dynamic
 * import, so only this page downloads the library.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { RoundStory } from '@/shared/report/round-story';
import { replayAt, seconds } from './replay-link';

const NO_LEADER = 'no leader';
/** Counts are whole: no tick at 0.5 refusals. */
const WHOLE = (d: number) => (Number.isInteger(d) ? String(d) : '');
const PALETTE = ['#f5b82e', '#3ccf91', '#8fe3ff', '#b892ff', '#ff9f43', '#1f7fb8', '#e8a0bf', '#c7e06b'];

/** One Plot figure inside React: built on mount and when its data change, removed on unmount. */
function PlotFigure({ make, testId }: { make: () => SVGElement | HTMLElement; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = make();
    ref.current?.append(figure);
    return () => figure.remove();
  }, [make]);
  return <div ref={ref} data-testid={testId} className="report-chart overflow-x-auto [&_a]:cursor-pointer" />;
}

export default function RoundCharts({ code, story }: { code: string; story: RoundStory }) {
  const teamName = (t: number) => (story.teams.length > 1 ? `Team ${t + 1}` : 'Class');
  const spans = story.teams.flatMap((team) => team.leadership.map((s) => ({ ...s, team: teamName(team.team), who: s.leader ?? NO_LEADER })));
  const leaders = [...new Set(spans.map((s) => s.who).filter((w) => w !== NO_LEADER))].sort();
  const alerts = story.teams.flatMap((team) => team.alerts.map((a) => ({ ...a, team: teamName(team.team) })));
  const elections = story.teams.flatMap((team) => team.elections.map((e, i) => ({ ...e, team: teamName(team.team), label: `${story.teams.length > 1 ? `T${team.team + 1} ` : ''}#${i + 1} → ${e.winner}` })));
  const refusals = Object.entries(story.refusalsByRule).map(([rule, count]) => ({ rule, count, at: story.firstRefusalAt[rule] ?? story.startTime })).sort((a, b) => b.count - a.count);
  const messages = story.teams.flatMap((team) => [
    { team: teamName(team.team), kind: 'sent', count: team.messages.sent },
    { team: teamName(team.team), kind: 'lost', count: team.messages.lost },
  ]);
  const link = (ms: number) => replayAt(code, story.round, ms);
  const style = { background: 'transparent', color: 'currentColor', fontSize: '14px', overflow: 'visible' };

  const timeline = () =>
    Plot.plot({
      ariaLabel: `Round ${story.round}: who led when`,
      ariaDescription: `Leaders over room time per ${story.teams.length > 1 ? 'team' : 'cluster'}; grey stretches have no leader, red marks are safety alerts. Each bar opens the replay at its start.`,
      width: 1000, height: 70 + 50 * story.teams.length, marginLeft: 70, style,
      x: { label: 'room time (s)', grid: true },
      y: { label: null },
      color: { domain: [...leaders, NO_LEADER], range: [...leaders.map((_, i) => PALETTE[i % PALETTE.length]!), '#6b7f95'], legend: true },
      marks: [
        Plot.barX(spans, {
          x1: (d) => d.from / 1000, x2: (d) => Math.max(d.to, d.from + 50) / 1000, y: 'team', fill: 'who', inset: 2,
          title: (d) => (d.leader ? `${d.leader} leads ${seconds(d.from)} to ${seconds(d.to)}` : `No leader ${seconds(d.from)} to ${seconds(d.to)}${d.cause ? `: ${d.cause}` : ''}`),
          href: (d) => link(d.from),
        }),
        Plot.text(spans.filter((d) => d.leader && d.to - d.from > (story.endTime - story.startTime) / 25), { x: (d) => (d.from + d.to) / 2000, y: 'team', text: 'leader', fill: '#06142b', fontWeight: 'bold', pointerEvents: 'none' }),
        Plot.tickX(alerts, { x: (d) => d.at / 1000, y: 'team', stroke: '#ff3b6b', strokeWidth: 4, title: (d) => `${seconds(d.at)}: ${d.text}`, href: (d) => link(d.at) }),
      ],
    });

  const electionChart = () =>
    Plot.plot({
      ariaLabel: `Round ${story.round}: elections and their length`,
      ariaDescription: 'One bar per election: the seconds without a leader until the winner took the lead. Each bar opens the replay where the election began.',
      width: 480, height: 60 + 34 * Math.max(1, elections.length), marginLeft: 110, style,
      x: { label: 'seconds without a leader', grid: true },
      y: { label: null, domain: elections.map((e) => e.label) },
      marks: [
        Plot.barX(elections, { x: (d) => d.ms / 1000, y: 'label', fill: '#f5b82e', title: (d) => `${d.team}: ${d.winner} elected after ${seconds(d.ms)}`, href: (d) => link(d.from) }),
        Plot.ruleX([0]),
      ],
    });

  const refusalChart = () =>
    Plot.plot({
      ariaLabel: `Round ${story.round}: refused moves by rule`,
      ariaDescription: 'How often each rule refused a move: the rules the class found hard. Each bar opens the replay at the first refusal by that rule.',
      width: 480, height: 60 + 34 * Math.max(1, refusals.length), marginLeft: 60, style,
      x: { label: 'refused moves', grid: true, tickFormat: WHOLE },
      y: { label: null, domain: refusals.map((r) => r.rule) },
      marks: [
        Plot.barX(refusals, { x: 'count', y: 'rule', fill: '#a9c4dc', title: (d) => `${d.rule}: ${d.count} refused (first at ${seconds(d.at)})`, href: (d) => link(d.at) }),
        Plot.ruleX([0]),
      ],
    });

  const messageChart = () =>
    Plot.plot({
      ariaLabel: `Round ${story.round}: messages sent and lost`,
      ariaDescription: 'Messages each cluster sent, and how many were lost (dropped, cut by a partition, or sent to a crashed node). Each bar opens the replay at the round start.',
      width: 480, height: 60 + 60 * story.teams.length, marginLeft: 70, marginRight: story.teams.length > 1 ? 70 : 20, style,
      x: { label: 'messages', grid: true, tickFormat: WHOLE },
      y: { label: null },
      // One cluster needs no facet label; teams are named at the right.
      fy: { label: null, ...(story.teams.length === 1 && { axis: null }) },
      color: { domain: ['sent', 'lost'], range: ['#1f7fb8', '#ef5b5b'], legend: true },
      marks: [
        Plot.barX(messages, { x: 'count', y: 'kind', fy: 'team', fill: 'kind', title: (d) => `${d.team}: ${d.count} ${d.kind}`, href: () => link(story.startTime) }),
        Plot.ruleX([0]),
      ],
    });

  return (
    <div className="report-card flex flex-col gap-4 rounded-2xl bg-navy/60 p-4" data-testid="round-charts">
      <figure className="flex flex-col gap-1">
        <figcaption className="font-black">Who led when (gaps in grey, alerts in red)</figcaption>
        <PlotFigure make={timeline} testId="chart-leadership" />
      </figure>
      <div className="grid gap-4 lg:grid-cols-3">
        <figure className="flex flex-col gap-1">
          <figcaption className="font-black">Elections</figcaption>
          {elections.length > 0 ? <PlotFigure make={electionChart} testId="chart-elections" /> : <p className="text-mist">No election this round.</p>}
        </figure>
        <figure className="flex flex-col gap-1">
          <figcaption className="font-black">Refusals by rule</figcaption>
          {refusals.length > 0 ? <PlotFigure make={refusalChart} testId="chart-refusals" /> : <p className="text-mist">No move refused.</p>}
        </figure>
        <figure className="flex flex-col gap-1">
          <figcaption className="font-black">Messages sent and lost</figcaption>
          <PlotFigure make={messageChart} testId="chart-messages" />
        </figure>
      </div>
    </div>
  );
}
