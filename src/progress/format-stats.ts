import { FORMATS } from '../formats.js';
import type { BuildStats, Stage, StageStats } from './build-stats.js';

/** "40 ms", "2.3 s" */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** What a stage did, in words: "8 documents", "11 PDFs: 2 printed, 9 from cache". */
export function describeStage(stage: Stage, s: StageStats, stats: BuildStats): string {
  switch (stage) {
    case 'read':
      return `${stats.levels} levels, ${stats.articles} articles${stats.cache.model ? ', unchanged (model from the cache)' : ''}`;
    case 'verify':
      return s.total === 0 ? 'output read back: no problems' : `${s.total} problem${s.total === 1 ? '' : 's'}`;
    case 'write':
      return `${stats.files.total} files: ${stats.files.written} written, ${stats.files.unchanged} unchanged${stats.files.kept ? `, ${stats.files.kept} kept` : ''}`;
  }
  const format = FORMATS.find((candidate) => candidate.name === stage);
  return format?.kind === 'documents' ? documents(s, format.noun, format.verb) : `${s.done} files`;
}

/** Stages that render documents: the slow part of a build. */
export function isDocumentStage(stage: Stage): boolean {
  return FORMATS.some((format) => format.name === stage && format.kind === 'documents');
}

function documents(s: StageStats, noun: string, verb: string): string {
  const rendered = s.done - s.cached;
  const count = `${s.state === 'running' ? `${s.done}/` : ''}${s.total} ${noun}${s.total === 1 ? '' : 's'}`;
  return `${count}: ${rendered} ${verb}, ${s.cached} from cache`;
}
