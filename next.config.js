/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The custom server (server/index.ts) owns the HTTP port and socket.io; Next only renders.
  poweredByHeader: false,
  // better-sqlite3 is a native addon used only by the server; keep it out of any bundle.
  serverExternalPackages: ['better-sqlite3'],
};
module.exports = nextConfig;
