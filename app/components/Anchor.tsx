/** The brand mark: an anchor, drawn inline so it needs no image or emoji font. */
export function Anchor({ className = 'size-10' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden>
      <circle cx="12" cy="5" r="2.5" />
      <path d="M12 7.5V21" />
      <path d="M8 11h8" />
      <path d="M4 13a8 8 0 0 0 16 0" />
      <path d="M4 13l-1.5 1.5M4 13l1.5 1.5M20 13l-1.5 1.5M20 13l1.5 1.5" />
    </svg>
  );
}

export function Brand({ size = 'md' }: { size?: 'md' | 'xl' }) {
  const big = size === 'xl';
  return (
    <div className="flex items-center gap-3 text-brass">
      <Anchor className={big ? 'size-16' : 'size-9'} />
      <span className={`font-black tracking-tight text-foam ${big ? 'text-6xl' : 'text-2xl'}`}>Captain Down</span>
    </div>
  );
}
