import type { ReactNode } from 'react';

type Props = { text: string; onText: (text: string) => void; onSubmit: () => void; children: ReactNode; footer?: ReactNode };

/** The lease holder writes a short text to storage, stamped with its fencing token. */
export function WriteBox({ text, onText, onSubmit, children, footer }: Props) {
  return (
    <form
      className="flex flex-col gap-2 rounded-2xl bg-navy/60 p-3 ring-1 ring-mist/20"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label className="text-base font-black text-foam" htmlFor="write-value">
        Write to storage <span className="font-semibold text-mist">(with your token)</span>
      </label>
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2">
        <input
          id="write-value" value={text} onChange={(e) => onText(e.target.value)} maxLength={24} autoComplete="off" spellCheck={false}
          className="min-h-14 min-w-0 rounded-2xl border-2 border-mist/40 bg-abyss px-4 text-xl font-bold text-foam focus:border-brass focus:outline-none"
        />
        <div className="w-32 @3xl:w-40">{children}</div>
      </div>
      {footer}
    </form>
  );
}
