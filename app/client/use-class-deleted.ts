/** Whether the host deleted this class while the page was open (the server's `room:deleted`). */
'use client';

import { useEffect, useRef, useState } from 'react';
import { subscribe } from './connection';

export function useClassDeleted(code: string, onDeleted?: () => void): string | null {
  const [message, setMessage] = useState<string | null>(null);
  // The latest clean-up, read when the notice arrives: no re-subscribing when its identity changes.
  const onDeletedRef = useRef(onDeleted);
  useEffect(() => {
    onDeletedRef.current = onDeleted;
  });
  useEffect(
    () =>
      subscribe('room:deleted', (notice) => {
        if (notice.code !== code) return;
        onDeletedRef.current?.();
        setMessage(notice.message);
      }),
    [code],
  );
  return message;
}
