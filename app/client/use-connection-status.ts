'use client';

import { useSyncExternalStore } from 'react';
import { getConnectionStatus, onConnectionStatus, type ConnectionStatus } from './connection';

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(onConnectionStatus, getConnectionStatus, () => 'connecting');
}
