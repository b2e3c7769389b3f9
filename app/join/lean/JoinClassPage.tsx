'use client';

import { joinClass } from '@/app/client/actions';
import { Brand } from '../../components/Anchor';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { JoinForm } from '../../components/student/JoinForm';

/** /join: code + nickname. Once seated, the student's page is /join/CODE (reload-safe). */
export function JoinClassPage({ goTo }: { goTo: (path: string) => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center gap-8 px-5 py-10">
      <ConnectionBanner />
      <Brand />
      <h1 className="text-3xl font-black">Join a class</h1>
      <JoinForm
        onJoin={async (code, nickname) => {
          const outcome = await joinClass(code, nickname);
          if (!outcome.ok) return outcome.refusal;
          goTo(`/join/${outcome.value.code}`);
          return null;
        }}
      />
    </main>
  );
}
