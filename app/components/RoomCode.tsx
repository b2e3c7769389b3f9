import { formatRoomCode } from '@/shared/room/code';

/** The join code, split in two groups so it reads aloud as "A-B-C, D-E-F". */
export function RoomCode({ code, className = 'text-5xl' }: { code: string; className?: string }) {
  return (
    <span data-testid="room-code" aria-label={`Class code ${code.split('').join(' ')}`} className={`font-mono font-black tracking-[0.12em] text-brass ${className}`}>
      {formatRoomCode(code)}
    </span>
  );
}
