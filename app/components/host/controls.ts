/** Shared class names for the host's buttons and fields: big enough for a tablet finger. */
export const BUTTON = 'min-h-11 rounded-lg border-2 border-mist/40 px-3 font-bold text-foam hover:border-brass disabled:opacity-40';
export const BUTTON_ON = 'min-h-11 rounded-lg border-2 border-brass bg-brass px-3 font-black text-abyss';
export const BUTTON_DANGER = 'min-h-11 rounded-lg border-2 border-coral px-3 font-bold text-coral hover:bg-coral hover:text-abyss';
export const BUTTON_PRIMARY = 'min-h-12 rounded-xl bg-brass px-5 text-lg font-black text-abyss hover:bg-brass-dark disabled:opacity-50';
export const SELECT = 'min-h-11 min-w-0 rounded-lg border-2 border-mist/40 bg-navy px-2 font-semibold text-foam';
export const LABEL = 'text-sm font-bold tracking-widest text-mist uppercase';
export const CARD = 'flex flex-col gap-3 rounded-2xl bg-navy/80 p-4';
