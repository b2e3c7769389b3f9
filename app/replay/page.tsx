import type { Metadata } from 'next';
import { ReplayImport } from '../components/replay/ReplayImport';

export const metadata: Metadata = { title: 'Replay · Captain Down' };

export default function ReplayPage() {
  return <ReplayImport />;
}
