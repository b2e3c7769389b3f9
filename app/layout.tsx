import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Captain Down',
  description: 'A live classroom game: every phone is a node, and the class elects its captain.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#06142b' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">{children}</body>
    </html>
  );
}
