/**
 * Build-time first render of the student pages (scripts/build-lean-join.mjs): each HTML
 * shell carries its page's markup, so a phone paints the form before any script arrives.
 * The seat page renders "Boarding…" whatever the code, so one shell serves every code.
 */
import { renderToString } from 'react-dom/server';
import { StudentPage } from './StudentPage';
import type { StudentRoute } from '../../../shared/room/student-route';

const ignoreNavigation = () => undefined;

export function prerenderStudentPages(): Record<StudentRoute['page'], string> {
  const render = (route: StudentRoute) => renderToString(<StudentPage route={route} goTo={ignoreNavigation} />);
  return { join: render({ page: 'join' }), seat: render({ page: 'seat', code: 'ABCDEF' }), 'bad-code': render({ page: 'bad-code' }) };
}
