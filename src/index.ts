// The package entry: `import { build, check, readLadder, defineConfig } from 'ladderpress'`, and the
// model's types for code that reads the ladder.
export { build, type BuildOptions, type BuildResult } from './api/build.js';
export { check, type CheckOptions, type CheckResult } from './api/check.js';
export { readLadder, type ReadLadderResult } from './api/read-ladder.js';
export type { ProjectOptions } from './api/project-options.js';
export { defineConfig } from './config/define-config.js';
export type { ResolvedConfig, UserConfig } from './config/config-types.js';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics.js';
export type { Failure, FailureCode } from './failures.js';
export type { FormatName } from './format-names.js';
export type { PublishedFile } from './write/published-file.js';
export { MODEL_VERSION } from './model/types.js';
export type * from './model/types.js';
