/** Whether the host deleted this class while the page was open (the server's `room:deleted`). */
'use client';

import { useEffect, useState } from 'react';
import { subscribe } from './connection';

export function useClassDeleted(code: string, onDeleted?: () => void): string | null {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(
    () =>
      subscribe('room:deleted', (notice) => {
        if (notice.code !== code) return;
        onDeleted?.();
        setMessage(notice.message);
      }),
    // onDeleted is a one-off clean-up; re-subscribing when its identity changes is not needed.
    [code],
  );
  return message;
}
