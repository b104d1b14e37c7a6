// The package entry: what a user's ladderpress.config.ts imports (`import { defineConfig } from 'ladderpress'`).
export { defineConfig } from './config/define-config.js';
export type { ResolvedConfig, UserConfig } from './config/config-schema.js';
