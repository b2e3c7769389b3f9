import { QrCode } from '../QrCode';
import { RoomCode } from '../RoomCode';

/**
 * During a round: the join code and a small QR, so a latecomer can still get aboard. The
 * caption is read from the back row too (28 px, issue 8): it says how to join, not only what.
 */
export function JoinCorner({ code, joinUrl, locked }: { code: string; joinUrl: string | null; locked: boolean }) {
  return (
    <div data-testid="join-corner" className="flex items-center gap-3 rounded-2xl bg-navy/80 py-1.5 pr-4 pl-1.5">
      {joinUrl && !locked ? <QrCode url={joinUrl} className="w-20 rounded-lg" /> : null}
      <div className="flex flex-col gap-1 leading-none">
        <span className="text-[28px] font-bold tracking-wide text-mist uppercase">{locked ? 'Boarding closed' : 'Join with code'}</span>
        <RoomCode code={code} className="text-4xl" />
      </div>
    </div>
  );
}
