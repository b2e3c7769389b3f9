/**
 * Long work as a generator that yields how far it got (0..1) and returns its result: a page
 * drives it between its turns (app/client/run-in-steps.ts); everyone else runs it to the end.
 */
export type Steps<T> = Generator<number, T, void>;

/** `steps` run to the end at once: its result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
