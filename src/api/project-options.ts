/** Where a programmatic call finds the ladder. Relative paths are against `process.cwd()`, as on the command line. */
export interface ProjectOptions {
  /** The content folder; default: the config's `content` ("content"). */
  readonly content?: string;
  /** The config file; default: ladderpress.config.{ts,mts,js,mjs,json} in the working folder, if any. */
  readonly config?: string;
}
