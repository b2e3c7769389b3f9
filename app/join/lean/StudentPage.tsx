'use client';

import { Notice } from '../../components/Notice';
import { StudentSeat } from '../../components/student/StudentSeat';
import { JoinClassPage } from './JoinClassPage';
import type { StudentRoute } from '../../../shared/room/student-route';

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
