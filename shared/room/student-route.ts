import { isRoomCode, normalizeRoomCode } from './code';

/**
 * Which student page a path shows: the code form (/join), a seat (/join/CODE) or a bad code.
 * One reading for both sides: the browser's page (app/join/lean/main.tsx) and the server's
 * choice of HTML shell (server/http/lean-join-route.ts).
 */
export type StudentRoute = { page: 'join' } | { page: 'seat'; code: string } | { page: 'bad-code' };

export function routeOf(pathname: string): StudentRoute {
  const segment = pathname.split('/').filter(Boolean)[1];
  if (segment === undefined) return { page: 'join' };
  let code: string;
  try {
    code = normalizeRoomCode(decodeURIComponent(segment));
  } catch {
    return { page: 'bad-code' }; // a malformed %-escape is not a code either
  }
  return isRoomCode(code) ? { page: 'seat', code } : { page: 'bad-code' };
}
