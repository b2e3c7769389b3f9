import { isRoomCode, normalizeRoomCode } from '@/shared/room/code';
import { HostPanel } from '../../components/host/HostPanel';
import { Notice } from '../../components/Notice';

export default async function HostPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeRoomCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) return <Notice title="That is not a class code" />;
  return <HostPanel code={code} />;
}
