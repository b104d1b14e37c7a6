/** Which self-check of the output failed; names are permanent like diagnostic codes. */
export type VerifyCheck =
  | 'missing-file'
  | 'unreadable-file'
  | 'pdf-outline'
  | 'pdf-profile-pages'
  | 'docx-headings'
  | 'docx-numbering'
  | 'docx-table-header'
  | 'internal-link'
  | 'fidelity';

/**
 * A way the built output falls short of what the model promises, found by reading the artefacts
 * back. @example { check: "pdf-outline", file: "vp.pdf", message: "Outline lacks heading \"Key Skill Sets\"" }
 */
export interface VerifyProblem {
  readonly check: VerifyCheck;
  /** Output file, relative to the output folder. */
  readonly file: string;
  readonly message: string;
}
