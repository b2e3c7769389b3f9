import { SharedReplay } from '../../../components/replay/ServerReplay';

export default async function SharedReplayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SharedReplay id={decodeURIComponent(id)} />;
}
