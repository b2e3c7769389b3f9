import { isRoomCode, normalizeRoomCode } from '@/shared/room/code';
import { Notice } from '../../components/Notice';
import { SessionReport } from '../../components/report/SessionReport';
// The print stylesheet belongs to this route only (SPEC S9: the report is printable).
import '../report-print.css';

export const metadata = { title: 'Session report · Captain Down' };

export default async function ReportPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeRoomCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) return <Notice title="That is not a class code" />;
  return <SessionReport code={code} />;
}
