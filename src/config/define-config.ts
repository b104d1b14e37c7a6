import type { UserConfig } from './config-types.js';

/**
 * Typed helper for `ladderpress.config.ts`: the editor completes and checks every key.
 * @example export default defineConfig({ site: { title: "Acme Engineering Ladder" }, paper: "Letter" })
 */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
