// Types for the server's dev mode, which imports the lean page's builder (server/http/lean-join-route.ts).
export function leanJoinDir(dev?: boolean): string;
export const LEAN_ASSET_PREFIX: string;
export type LeanJoinManifest = { builtAt: string; dev: boolean; assetPrefix: string; pages: Record<'join' | 'seat' | 'bad-code', string>; assets: string[] };
export function buildLeanJoin(options?: { dev?: boolean }): Promise<LeanJoinManifest>;
export function leanJoinIsStale(options?: { dev?: boolean }): string | null;
