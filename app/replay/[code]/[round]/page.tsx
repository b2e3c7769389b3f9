import { isRoomCode, normalizeRoomCode } from '@/shared/room/code';
import { Notice } from '../../../components/Notice';
import { HostReplay } from '../../../components/replay/ServerReplay';

export default async function HostReplayPage({ params }: { params: Promise<{ code: string; round: string }> }) {
  const { code: rawCode, round: rawRound } = await params;
  const code = normalizeRoomCode(decodeURIComponent(rawCode));
  const round = Number(rawRound);
  if (!isRoomCode(code) || !Number.isInteger(round) || round < 1) return <Notice title="No such replay">That is not a class code and round number.</Notice>;
  return <HostReplay code={code} round={round} />;
}
