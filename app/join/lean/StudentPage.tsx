'use client';

import { isRoomCode, normalizeRoomCode } from '@/shared/room/code';
import { Notice } from '../../components/Notice';
import { StudentSeat } from '../../components/student/StudentSeat';
import { JoinClassPage } from './JoinClassPage';

/** Which student page a path shows: the code form (/join), a seat (/join/CODE) or a bad code. */
export type StudentRoute = { page: 'join' } | { page: 'seat'; code: string } | { page: 'bad-code' };

export function routeOf(pathname: string): StudentRoute {
  const segment = pathname.replace(/\/+$/, '').split('/')[2];
  if (segment === undefined) return { page: 'join' };
  let code: string;
  try {
    code = normalizeRoomCode(decodeURIComponent(segment));
  } catch {
    return { page: 'bad-code' }; // a malformed %-escape is not a code either
  }
  return isRoomCode(code) ? { page: 'seat', code } : { page: 'bad-code' };
}

/**
 * The student's pages (/join and /join/CODE), rendered the same at build time (the HTML
 * shell's first paint, scripts/build-lean-join.mjs) and in the browser (main.tsx).
 */
export function StudentPage({ route, goTo }: { route: StudentRoute; goTo: (path: string) => void }) {
  if (route.page === 'join') return <JoinClassPage goTo={goTo} />;
  if (route.page === 'bad-code') return <Notice title="That is not a class code">A class code has 6 letters and digits, like K7P 3QX.</Notice>;
  // Keyed by code: another class's seat starts from its own state, as a new Next page did.
  return <StudentSeat key={route.code} code={route.code} />;
}
