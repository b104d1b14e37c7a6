import { createLogUpdate } from 'log-update';
import { STAGES, type BuildStats, type Stage } from './build-stats.js';
import { describeStage, formatMs } from './format-stats.js';
import type { Progress } from './progress.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const MARK = { pending: '·', done: '✔', skipped: '–' } as const;

/** On a terminal: one line per stage, redrawn in place (log-update), with a spinner while running. */
export function liveProgress(stream: NodeJS.WriteStream): Progress {
  const draw = createLogUpdate(stream, { showCursor: false });
  let last: BuildStats | null = null;
  let frame = 0;
  const render = (): void => {
    if (!last) return;
    const stats = last;
    frame = (frame + 1) % SPINNER.length;
    // verify is opt-in (on in CI): shown once it runs, not as a stage forever pending.
    const shown = STAGES.filter((stage) => stage !== 'verify' || stats.stages.verify.state !== 'pending');
    const lines = shown.map((stage) => {
      const s = stats.stages[stage];
      const mark = s.state === 'running' ? SPINNER[frame] : MARK[s.state];
      const what = s.state === 'pending' ? '' : s.state === 'skipped' ? 'skipped' : describeStage(stage, s, stats);
      const time = s.state === 'done' ? `  ${dim(formatMs(s.ms))}` : '';
      return `  ${mark} ${stage.padEnd(5)}  ${what}${time}`;
    });
    draw(lines.join('\n'));
  };
  // The spinner turns even while a single long PDF prints; unref so it never holds the process open.
  const timer = setInterval(render, 100);
  timer.unref();
  return {
    update(stats: BuildStats, stage: Stage) {
      void stage;
      last = stats;
    },
    stop() {
      clearInterval(timer);
      render();
      draw.done();
    },
  };
}

function dim(text: string): string {
  return `\u001b[2m${text}\u001b[22m`;
}
