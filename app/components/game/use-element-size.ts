import { useEffect, useRef, useState } from 'react';

/**
 * The size of an element in CSS pixels, kept up to date with a ResizeObserver: the
 * projector's ring picks how much to write from the room it is given (ring-fit.ts).
 * Null until the first measure (the first paint uses the screen-independent detail).
 */
export function useElementSize<T extends Element>(enabled: boolean) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      // Whole pixels: a sub-pixel wobble must not redo the layout.
      setSize((old) => (old && old.width === Math.round(width) && old.height === Math.round(height) ? old : { width: Math.round(width), height: Math.round(height) }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return { ref, size };
}
