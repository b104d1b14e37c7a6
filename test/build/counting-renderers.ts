import { FORMATS } from '../../src/formats.js';
import type { DocumentFormat, OutputFormat } from '../../src/render/output-format.js';

/** The real formats, counting every document rendered (PDFs printed, Word documents written). */
export function countingRenderers(): { outputs: OutputFormat[]; counts: { pdf: string[]; docx: string[] } } {
  const counts = { pdf: [] as string[], docx: [] as string[] };
  const counting = (format: DocumentFormat, into: string[]): DocumentFormat => ({
    ...format,
    load: async () => {
      const renderer = await format.load();
      return {
        ...renderer,
        render: (jobs, context, emit) => {
          into.push(...jobs.map((job) => job.path));
          return renderer.render(jobs, context, emit);
        },
      };
    },
  });
  const outputs = FORMATS.map((format) => (format.kind === 'documents' && (format.name === 'pdf' || format.name === 'docx') ? counting(format, counts[format.name]) : format));
  return { outputs, counts };
}
