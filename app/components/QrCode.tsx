'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code for `url`, rendered in the browser as an SVG image. */
export function QrCode({ url, className }: { url: string; className?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#06142b', light: '#ffffff' } })
      .then((svg) => live && setSrc(`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <div className={`aspect-square overflow-hidden rounded-2xl bg-white ${className ?? ''}`}>
      {src ? <img src={src} alt={`QR code linking to ${url}`} data-testid="qr-code" className="size-full" /> : null}
    </div>
  );
}
