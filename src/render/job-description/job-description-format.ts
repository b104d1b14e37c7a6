import type { DocumentFormat } from '../output-format.js';
import type { JobDescriptionJob } from './plan-job-descriptions.js';
import { JOB_DESCRIPTION_FILES } from './job-description-files.js';
import { occupation } from './job-description-view.js';

/** The recruiter kit: per level a job posting as Word and as paste-safe Markdown, from templates/job-description/. */
export const jobDescriptionFormat = {
  name: 'job-description',
  kind: 'documents',
  noun: 'job description',
  verb: 'written',
  needs: null,
  level: [JOB_DESCRIPTION_FILES.docx, JOB_DESCRIPTION_FILES.markdown],
  article: [],
  ladder: [],
  levelData: occupation,
  load: async () => ({
    plan: async (ladder, context) => (await import('./plan-job-descriptions.js')).planJobDescriptions(ladder, context),
    render: async (jobs, context, emit) => {
      const [{ renderWordJobs }, { isWordJob }] = await Promise.all([import('../docx/render-word-jobs.js'), import('../docx/word-job.js')]);
      for (const job of jobs) if (!isWordJob(job)) await emit({ path: job.path, data: job.markdown });
      await renderWordJobs(jobs.filter(isWordJob), { signal: context.signal, threads: context.wordThreads ?? null, emit });
    },
  }),
} as const satisfies DocumentFormat<JobDescriptionJob>;
