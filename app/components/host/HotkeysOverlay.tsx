'use client';

import { HOST_HOTKEYS, type HotkeyHandlers } from './hotkeys';

/** The `?` overlay: the hotkeys this screen answers to, from the one table (hotkeys.ts). */
export function HotkeysOverlay({ handlers, onClose }: { handlers: HotkeyHandlers; onClose: () => void }) {
  const rows = HOST_HOTKEYS.filter((h) => handlers[h.id]);
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="hotkeys-title" data-testid="hotkeys-overlay" className="fixed inset-0 z-50 flex items-center justify-center bg-abyss/80 p-4" onClick={onClose}>
      <section className="w-full max-w-xl rounded-3xl border-2 border-brass bg-navy p-6 shadow-2xl" onClick={(e) => e.stopPropagation()}>
        <h2 id="hotkeys-title" className="mb-4 text-3xl font-black text-brass">Teacher hotkeys</h2>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-5 gap-y-3 text-xl">
          {rows.map((h) => (
            <div key={h.id} className="contents" data-testid={`hotkey-${h.id}`}>
              <dt>
                <kbd className="inline-block min-w-12 rounded-lg border-2 border-mist/50 bg-abyss px-3 py-1 text-center font-mono font-black text-foam">{h.hint}</kbd>
              </dt>
              <dd className="font-semibold text-foam">{h.does}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={onClose} className="mt-6 min-h-11 rounded-lg bg-brass px-5 font-black text-abyss">
          Close
        </button>
      </section>
    </div>
  );
}
