import { Brand } from './components/Anchor';
import { ConnectionBanner } from './components/ConnectionBanner';
import { LandingActions } from './components/landing/LandingActions';

export default function LandingPage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-10 px-6 py-12">
      <ConnectionBanner />
      <header className="flex flex-col gap-5">
        <Brand size="xl" />
        <p className="max-w-2xl text-2xl leading-snug text-mist">
          Every phone is a node. When the captain goes down, the class must elect a new one: Raft, Bully and leases, played live.
        </p>
      </header>
      <LandingActions />
    </main>
  );
}
