'use client';

import { useEffect, useState } from 'react';

/**
 * The link students open (and the QR encodes). Built from the address the host typed,
 * so opening the host page via the laptop's network address makes the QR work on phones.
 */
export function useJoinUrl(code: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => setUrl(`${window.location.origin}/join/${code}`), [code]);
  return url;
}

/** True when the page was opened on localhost, where phones cannot follow the QR. */
export function useIsLocalhost(): boolean {
  const [local, setLocal] = useState(false);
  useEffect(() => setLocal(['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname)), []);
  return local;
}
