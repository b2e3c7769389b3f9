import type { AnchorHTMLAttributes } from 'react';

/**
 * Stands in for `next/link` in the lean student page's bundle (scripts/build-lean-join.mjs
 * aliases it): without Next's router a link is a plain navigation, and the only link a
 * student sees (Notice's "Back to the harbour") leaves the student pages anyway.
 */
export default function PlainLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={href} {...rest} />;
}
