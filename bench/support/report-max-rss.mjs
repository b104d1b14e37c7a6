// Preloaded into measured Node processes (`node --import`): on exit, records this process's own
// peak RSS (getrusage RUSAGE_SELF, which counts worker threads but not child processes).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_RSS_DIR;
if (dir) {
  process.on('exit', () => {
    try {
      writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify({ pid: process.pid, maxRssKb: process.resourceUsage().maxRSS }));
    } catch {
      // The bench only loses one figure; the measured command must not fail because of it.
    }
  });
}
