/** Exit codes of the CLI: scripts and CI depend on them. */
export const EXIT = {
  ok: 0,
  /** The content has errors (or warnings with --strict). */
  content: 1,
  /** Bad command line or config. */
  usage: 2,
  /** Something missing on this machine, such as a browser for PDFs. */
  environment: 3,
} as const;
