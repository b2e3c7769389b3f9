'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { downloadReportCsv, fetchReport, type ReportData } from '@/app/client/report-api';
import { Brand } from '../Anchor';
import { Notice } from '../Notice';
import { RoundFacts } from './RoundFacts';
import { StudentTable } from './StudentTable';

// The chart library is loaded on this page only, after the data (docs/REPORT.md): the
// student's /join bundle never carries it.
const RoundCharts = dynamic(() => import('./RoundCharts'), { ssr: false, loading: () => <p className="text-mist">Drawing the charts…</p> });

const BUTTON = 'min-h-11 rounded-lg border-2 border-mist/40 px-4 font-bold text-foam hover:border-brass';

/** /report/CODE: the host's session report (SPEC S9, S10): per round, charts and facts; per student, a table. */
export function SessionReport({ code }: { code: string }) {
  const [data, setData] = useState<ReportData | { ok: false; message: string } | null>(null);
  const [csvProblem, setCsvProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fetchReport(code).then((answer) => live && setData(answer));
    return () => {
      live = false;
    };
  }, [code]);

  if (!data) return <main className="p-8 text-xl text-mist">Reading the class's log…</main>;
  if (!data.ok) return <Notice title="No report for you here">{data.message}</Notice>;
  const nickname = (id: number) => data.nicknames[String(id)] ?? '?';
  return (
    <main className="report-page mx-auto flex max-w-6xl flex-col gap-8 px-5 py-8" data-testid="session-report">
      <header className="flex flex-wrap items-center gap-4">
        <Brand />
        <h1 className="text-3xl font-black">Session report · class {code}</h1>
        <span className="no-print ml-auto flex flex-wrap gap-2">
          <button type="button" className={BUTTON} data-testid="report-csv" onClick={() => void downloadReportCsv(code).then((p) => setCsvProblem(p?.message ?? null))}>
            Download the table (CSV)
          </button>
          <button type="button" className={BUTTON} onClick={() => window.print()}>
            Print
          </button>
          <a href={`/host/${code}`} className={`${BUTTON} inline-flex items-center`}>Back to the class</a>
        </span>
      </header>
      {csvProblem ? <p role="alert" className="text-coral">{csvProblem}</p> : null}
      {data.stories.length === 0 ? <p className="text-xl text-mist">No round played yet: the report fills in as the class plays.</p> : null}
      {data.stories.map((story, i) => {
        const scores = data.rounds.find((r) => r.round === story.round) ?? null;
        return (
          <section key={story.round} className="report-round flex flex-col gap-4" aria-labelledby={`round-${story.round}`} data-testid={`report-round-${story.round}`}>
            <h2 id={`round-${story.round}`} className="text-2xl font-black">
              Round {story.round}: <span className="text-brass">{story.title}</span>
              <span className="ml-3 text-lg font-semibold text-mist">{Math.round((story.endTime - story.startTime) / 1000)} s of room time</span>
            </h2>
            <RoundCharts code={code} story={story} />
            <RoundFacts code={code} story={story} />
            {scores ? <StudentTable scores={scores} nickname={nickname} teams={story.teams.length} /> : null}
            {i < data.stories.length - 1 ? <hr className="no-print border-white/10" /> : null}
          </section>
        );
      })}
    </main>
  );
}
