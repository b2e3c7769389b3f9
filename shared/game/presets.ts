/**
 * The round presets the host picks from: each algorithm's module brings its own (the
 * classroom defaults and the numbers of the lecture's stories).
 */
import type { Preset } from '../rules/module';
import { algorithmModule, algorithms } from '../rules/registry';

export type { Preset } from '../rules/module';

export function allPresets(): Preset[] {
  return algorithms().flatMap((module) => module.presets);
}

export function presetsFor(algorithm: string): Preset[] {
  return algorithmModule(algorithm).presets;
}

export function findPreset(id: string): Preset | undefined {
  return allPresets().find((preset) => preset.id === id);
}

export function defaultPresetFor(algorithm: string): Preset {
  return presetsFor(algorithm)[0]!;
}
