/**
 * The lean student page's browser entry (issue 12): /join and /join/CODE rendered by React
 * alone, without Next's client runtime (44 KiB gzip of app router that a phone never used).
 * scripts/build-lean-join.mjs bundles it; server/http/lean-join-route.ts serves it.
 */
import { startTransition, useEffect, useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { StudentPage } from './StudentPage';
import { routeOf } from '../../../shared/room/student-route';

/** The join form's redirect to /join/CODE: the same page, a new address (as Next's router.replace). */
function useLocationRoute() {
  const [pathname, setPathname] = useState(() => window.location.pathname);
  useEffect(() => {
    const follow = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const goTo = (path: string) => {
    window.history.replaceState(null, '', path);
    startTransition(() => setPathname(path));
  };
  return { route: routeOf(pathname), goTo };
}

function LeanStudentApp() {
  const { route, goTo } = useLocationRoute();
  return <StudentPage route={route} goTo={goTo} />;
}

// The shell already holds this page's first render (prerendered at build time), so React
// attaches to it instead of painting it again.
hydrateRoot(document.getElementById('student-page')!, <LeanStudentApp />);
