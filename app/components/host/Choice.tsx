'use client';

import { SELECT } from './controls';

export interface ChoiceOption<V extends string | number> {
  value: V;
  name: string;
}

/**
 * A labelled drop-down of the host panel. It hands back the option's own value (a number
 * stays a number), so callers never parse what the DOM gives them.
 */
export function Choice<V extends string | number>({ label, value, options, onChange, className = '' }: {
  label: string;
  value: V;
  options: readonly ChoiceOption<V>[];
  onChange: (value: V) => void;
  className?: string;
}) {
  const pick = (raw: string) => {
    const picked = options.find((o) => String(o.value) === raw);
    if (picked) onChange(picked.value);
  };
  return (
    <select aria-label={label} value={value} onChange={(e) => pick(e.target.value)} className={`${SELECT} ${className}`.trim()}>
      {options.map((o) => (
        <option key={String(o.value)} value={o.value}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
