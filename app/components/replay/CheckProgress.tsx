/**
 * How far opening a log got (an hour-long class takes seconds): checking its lines, then
 * folding the round into the film. A bar a screen reader announces too.
 */
export function CheckProgress({ what, share, verb = 'Checking', note = 'Every line is checked before it plays; nothing leaves this browser.' }: { what: string; share: number; verb?: string; note?: string }) {
  const percent = Math.min(100, Math.max(0, Math.round(share * 100)));
  return (
    <div className="flex w-full max-w-xl flex-col gap-2" data-testid="check-progress">
      <p className="text-xl font-bold text-foam">{verb} {what}… {percent} %</p>
      <div role="progressbar" aria-label={`${verb} ${what}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 w-full overflow-hidden rounded-full bg-deck">
        <div className="h-full rounded-full bg-brass transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-mist">{note}</p>
    </div>
  );
}
