import Link from 'next/link';
import type { ReactNode } from 'react';

/** A centred message for dead ends (unknown class, removed student), always with a way out. */
export function Notice({ title, children, tone = 'info' }: { title: string; children?: ReactNode; tone?: 'info' | 'danger' }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-6 p-6 text-center">
      <h1 className={`text-3xl font-black ${tone === 'danger' ? 'text-coral' : 'text-foam'}`}>{title}</h1>
      {children ? <div className="text-lg text-mist">{children}</div> : null}
      <Link href="/" className="rounded-xl border-2 border-mist/40 px-6 py-3 text-lg font-bold text-foam hover:border-brass">
        Back to the harbour
      </Link>
    </main>
  );
}
