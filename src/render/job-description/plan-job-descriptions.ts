import type { Ladder } from '../../model/types.js';
import { docxTheme, fontTableEntries } from '../docx/docx-theme.js';
import { readReferenceDocx } from '../docx/reference-docx.js';
import { tableStyleXml } from '../docx/styles.js';
import { partKeysFor } from '../part-keys.js';
import type { RenderContext, RenderJob } from '../render-context.js';
import { wordJobMaker, type WordJob } from '../docx/word-job.js';
import { JOB_DESCRIPTION_FILES } from './job-description-files.js';
import { jobDescriptionTask } from './job-description-docx.js';
import { loadMarkdownTemplate } from './job-description-markdown.js';
import { jobDescriptionOptions } from './job-description-options.js';
import { jobDescriptionView } from './job-description-view.js';

/** The Word posting (made on the build's Word threads at scale), or its Markdown, filled when planned. */
export type JobDescriptionJob = WordJob | MarkdownJob;

export interface MarkdownJob extends RenderJob {
  readonly markdown: string;
}

/** model → per level `<slug>-job-description.md` and `.docx`; the Markdown is cheap, so it is filled here. */
export async function planJobDescriptions(ladder: Ladder, context: RenderContext): Promise<JobDescriptionJob[]> {
  const options = jobDescriptionOptions.parse(context.config['jobDescription'] ?? {});
  const template = await loadMarkdownTemplate(context.templatesDir);
  const reference = readReferenceDocx(context.referenceDocx, context.diagnostics);
  const pack = { date: ladder.site.date, reference, fonts: fontTableEntries(ladder.site.theme), extraStyles: tableStyleXml(docxTheme(ladder.site.theme)) };
  const common = { tool: context.toolVersion, template: template.source, options, site: ladder.site, reference: reference?.hash ?? null };
  const keys = partKeysFor(ladder, context.partKeys);
  const { job } = wordJobMaker(context.diagnostics);
  return ladder.levels.flatMap((level, index): JobDescriptionJob[] => {
    const markdown = template.render(jobDescriptionView(ladder, level, options));
    const key = (kind: string): string => JSON.stringify({ format: `job-description-${kind}`, ...common, level: keys.levels[index] });
    return [
      // The posting's Markdown is parsed only when its document is made: 500 trees would wait in memory.
      job(JOB_DESCRIPTION_FILES.docx.path(level.slug), key('docx'), () => jobDescriptionTask(ladder.site, level.slug, context.readMarkdown(markdown), pack)),
      { path: JOB_DESCRIPTION_FILES.markdown.path(level.slug), key: key('md'), markdown },
    ];
  });
}
