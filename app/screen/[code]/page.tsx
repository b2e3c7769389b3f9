import { isRoomCode, normalizeRoomCode } from '@/shared/room/code';
import { Notice } from '../../components/Notice';
import { ProjectorScreen } from '../../components/screen/ProjectorScreen';

export default async function ScreenPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeRoomCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) return <Notice title="That is not a class code" />;
  return <ProjectorScreen code={code} />;
}
