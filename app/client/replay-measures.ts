/**
 * The replay's User Timing entries (performance.measure): seen in a browser's performance
 * panel, and read by bench/replay-fold-browser.mjs to print what the player costs in the
 * browser itself, on the production bundle (issue 7's "folds in at most 0.5 s").
 */

/** Checking an opened file's every line (importLog). */
export const IMPORT_MEASURE = 'captain-down: replay import check';

/** A round's whole fold into a timeline (buildTimeline, with the space-time diagram). */
export const FOLD_MEASURE = 'captain-down: replay whole-round fold';
