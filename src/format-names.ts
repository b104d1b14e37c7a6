/**
 * The output formats' names: part of the API's types (`build({ formats })`, the config's `formats`),
 * so they are written out here rather than derived from the formats themselves, whose declarations
 * would drag the renderers' libraries into the package's types. src/formats.ts checks that the two agree.
 */
export type FormatName = 'html' | 'pdf' | 'docx' | 'job-description' | 'checklist';
