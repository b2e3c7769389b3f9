import { isRoomCode, normalizeRoomCode } from '@/shared/room/code';
import { Notice } from '../../components/Notice';
import { StudentSeat } from '../../components/student/StudentSeat';

export default async function JoinRoomPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeRoomCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) return <Notice title="That is not a class code">A class code has 6 letters and digits, like K7P 3QX.</Notice>;
  return <StudentSeat code={code} />;
}
