/** Two bars, drawn: the pause sign is missing from many fonts. */
export function PauseIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 10 10" className={`inline-block ${className}`} fill="currentColor" aria-hidden>
      <rect x="1.5" y="1" width="2.6" height="8" rx="0.6" />
      <rect x="5.9" y="1" width="2.6" height="8" rx="0.6" />
    </svg>
  );
}
