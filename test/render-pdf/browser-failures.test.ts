import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { BrowserNotFoundError } from '../../src/render/pdf/browser-not-found-error.js';
import { BrowserSession } from '../../src/render/pdf/browser-session.js';
import { browserLauncher } from '../../src/render/pdf/launch-browser.js';
import { findBrowser } from '../../src/render/pdf/find-browser.js';
import { planPdfs, type PdfJob } from '../../src/render/pdf/plan-pdfs.js';
import { printPdfs } from '../../src/render/pdf/print-pdfs.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { signalIfAlive } from '../helpers/signal-process.js';
import { ourChromiums, pdfContext, printedFiles } from './pdf-test-helpers.js';

const contentDir = path.join(PROJECT_ROOT, 'content');

async function exampleJobs(): Promise<PdfJob[]> {
  return planPdfs(await readLadderOrThrow(contentDir), pdfContext(contentDir));
}

/** Dead, or a zombie waiting to be reaped: either way no longer running. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Processes (zombies too) whose environment holds `text`, read from /proc. */
function processesWhoseEnvHas(text: string): number[] {
  const marker = Buffer.from(text);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return readFileSync(`/proc/${name}/environ`).includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Processes with exactly this `NAME=value` in their environment. */
function processesWithEnv(entry: string): number[] {
  return processesWhoseEnvHas(`${entry}\0`);
}

function groupOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/** Runs `work` with environment variables set (undefined: unset), restoring them after. */
async function withEnv<T>(vars: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(vars);
  try {
    return await work();
  } finally {
    apply(saved);
  }
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
}

afterEach(async () => {
  await settle();
  expect(ourChromiums().filter(running), 'no Chromium left running').toEqual([]);
});

describe('printing PDFs when things go wrong', () => {
  it('relaunches a browser killed mid-build and still prints every document', async () => {
    const jobs = await exampleJobs();
    const killed: number[] = [];
    const files = await printedFiles(jobs, pdfContext(contentDir), () => {
      if (killed.length > 0) return;
      killed.push(...ourChromiums());
      for (const pid of killed) signalIfAlive(pid, 'SIGKILL');
    });
    expect(killed.length).toBeGreaterThan(0);
    expect(files.map((f) => f.path)).toEqual(jobs.map((j) => j.path));
    for (const file of files) expect(Buffer.from(file.data).subarray(0, 5).toString()).toBe('%PDF-');
    await settle();
    expect(killed.filter(running)).toEqual([]);
    // printing resolved only once the killed browser's scratch folder was gone, not just the new one's.
    expect(readdirSync(os.tmpdir()).filter((entry) => entry.startsWith(`ladderpress-chromium-${process.pid}-`))).toEqual([]);
  });

  it('stops on abort (Ctrl-C), closes the browser and throws', async () => {
    const jobs = await exampleJobs();
    const controller = new AbortController();
    const printing = printPdfs(jobs, pdfContext(contentDir, { signal: controller.signal }), () => controller.abort(new Error('interrupted by the test')));
    await expect(printing).rejects.toThrow('interrupted by the test');
  });

  it('fails a document that takes too long with an error naming it', async () => {
    const jobs = (await exampleJobs()).slice(0, 1);
    const printing = printPdfs(jobs, pdfContext(contentDir, { documentTimeoutMs: 1 }), () => {});
    await expect(printing).rejects.toThrow(/engineer\.pdf \("Software Engineer"\) took longer than 1 ms/);
  });

  it('says what to install when there is no browser', async () => {
    const search = { environment: undefined, configured: null, downloaded: null, pathVariable: '', systemBrowsers: ['/nonexistent/chromium'] };
    expect(() => findBrowser(search)).toThrow(BrowserNotFoundError);
    try {
      findBrowser(search);
    } catch (error) {
      const message = (error as Error).message;
      for (const hint of ['apt-get install chromium', 'PUPPETEER_EXECUTABLE_PATH', 'browser.executablePath']) expect(message).toContain(hint);
    }
    expect(() => findBrowser({ ...search, configured: '/nonexistent/chrome' })).toThrow(/\/nonexistent\/chrome \(from browser.executablePath/);
    expect(findBrowser({ ...search, systemBrowsers: ['/nonexistent/chromium', process.execPath] })).toBe(process.execPath);
  });

  it('on Ctrl-C ends every process the browser started — crash handlers in their own process groups too — before close resolves', async () => {
    let browser: Browser | null = null;
    const session = new BrowserSession(async () => (browser = await browserLauncher(null)()));
    await (await session.newPage()).close();
    const main = (browser as Browser | null)?.process();
    const scratch = /--user-data-dir=(.+)\/profile$/.exec(main?.spawnargs.find((arg) => arg.startsWith('--user-data-dir=')) ?? '')?.[1] ?? '';
    expect(scratch).not.toBe('');
    // Chromium's crash handlers leave its process group (setsid) and its tree (reparented to init);
    // only the environment they inherited tells they are ours.
    const detached = processesWithEnv(`TMPDIR=${scratch}`).filter((pid) => groupOf(pid) !== main?.pid);
    expect(detached.length).toBeGreaterThan(0);
    // Stopped, they cannot exit on their own: only being killed ends them, so the test cannot pass by luck.
    for (const pid of detached) signalIfAlive(pid, 'SIGSTOP');
    await session.close(true);
    expect(detached.filter(running)).toEqual([]);
    expect(existsSync(scratch)).toBe(false);
  });

  it("removes the Chromium scratch folders of dead builds at the next build, even one that prints nothing, and leaves a running build's", async () => {
    const dead = Number(execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).trim());
    const deadScratch = path.join(os.tmpdir(), `ladderpress-chromium-${dead}-test17`);
    const liveScratch = path.join(os.tmpdir(), `ladderpress-chromium-${process.ppid}-test17`);
    for (const dir of [deadScratch, liveScratch]) {
      mkdirSync(path.join(dir, 'profile'), { recursive: true });
      writeFileSync(path.join(dir, 'profile', 'Local State'), '{}');
    }
    const project = mkdtempSync(path.join(os.tmpdir(), 'ladderpress-scratch-'));
    try {
      const outcome = await build({
        contentDir, outDir: path.join(project, 'out'), cacheDir: path.join(project, 'cache'), configFile: null,
        formats: ['html'], strict: false, concurrency: 1,
      });
      expect(outcome.exitCode).toBe(0);
      expect(existsSync(deadScratch)).toBe(false);
      expect(existsSync(liveScratch)).toBe(true);
    } finally {
      rmSync(deadScratch, { recursive: true, force: true });
      rmSync(liveScratch, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('a build that prints PDFs and checklists starts one browser for both, and leaves none running', async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'ladderpress-one-browser-'));
    const launches = path.join(project, 'launches.log');
    const wrapper = path.join(project, 'chromium');
    writeFileSync(wrapper, `#!/bin/sh\necho launched >> '${launches}'\nexec '${findBrowser({ environment: process.env['PUPPETEER_EXECUTABLE_PATH'], configured: null, downloaded: null, pathVariable: process.env['PATH'] })}' "$@"\n`, { mode: 0o755 });
    try {
      const outcome = await withEnv({ PUPPETEER_EXECUTABLE_PATH: wrapper }, () =>
        build({ contentDir, outDir: path.join(project, 'out'), cacheDir: path.join(project, 'cache'), configFile: null, formats: ['pdf', 'checklist'], strict: false, concurrency: 2 }),
      );
      expect(outcome.exitCode).toBe(0);
      expect(readdirSync(path.join(project, 'out')).filter((name) => name.endsWith('.pdf'))).toEqual(expect.arrayContaining(['vp.pdf', 'vp-profile.pdf', 'vp-checklist.pdf', 'ladder.pdf']));
      expect(readFileSync(launches, 'utf8').trim().split('\n')).toEqual(['launched']);
      await settle();
      expect(ourChromiums()).toEqual([]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('rejects with BrowserNotFoundError when the configured browser does not exist', async () => {
    const jobs = (await exampleJobs()).slice(0, 1);
    await withEnv({ PUPPETEER_EXECUTABLE_PATH: undefined }, () =>
      expect(printPdfs(jobs, pdfContext(contentDir, { browserExecutable: '/nonexistent/chrome' }), () => {})).rejects.toBeInstanceOf(BrowserNotFoundError));
  });

  it("prints when the temp folder's path is too long for Chromium's socket (as macOS's /var/folders/…/T/ is)", async () => {
    const longTemp = mkdtempSync(path.join(os.tmpdir(), `ladderpress-${'long-temp-folder-'.repeat(4)}`));
    try {
      const [file] = await withEnv({ TMPDIR: longTemp }, async () => printedFiles((await exampleJobs()).slice(0, 1), pdfContext(contentDir)));
      expect(Buffer.from(file?.data ?? '').subarray(0, 5).toString()).toBe('%PDF-');
      expect(readdirSync(longTemp)).toEqual([]);
    } finally {
      rmSync(longTemp, { recursive: true, force: true });
    }
  });

  it('a browser that dies at start leaves no process and no scratch folder, even when its helpers still write there', async () => {
    // Like a Chromium that fails at start while a helper (crashpad) keeps writing into its TMPDIR.
    const { fakeBrowser, scratchBase, remove } = fakeBrowserIn('lp-start-', '(while :; do mkdir -p "$TMPDIR/helper"; : > "$TMPDIR/helper/log"; sleep 0.01; done) </dev/null >/dev/null 2>&1 3>&- 4>&- &\nexit 1');
    try {
      const jobs = (await exampleJobs()).slice(0, 1);
      await withEnv({ TMPDIR: scratchBase, PUPPETEER_EXECUTABLE_PATH: undefined }, () =>
        expect(printPdfs(jobs, pdfContext(contentDir, { browserExecutable: fakeBrowser }), () => {})).rejects.toThrow(/did not start/));
      expect(browserChildren(scratchBase)).toEqual([]);
      await settle();
      expect(readdirSync(scratchBase)).toEqual([]);
    } finally {
      remove();
    }
  });

  it('a browser that never answers is ended after its start time and reported, not waited on for ever', async () => {
    // Holds the protocol pipes open and never speaks on them.
    const { fakeBrowser, scratchBase, remove } = fakeBrowserIn('lp-hang-', 'exec sleep 600');
    try {
      await withEnv({ TMPDIR: scratchBase, PUPPETEER_EXECUTABLE_PATH: undefined }, () =>
        expect(browserLauncher(fakeBrowser, 1_500)()).rejects.toThrow(/did not start.*no answer within 1500 ms/s));
      expect(browserChildren(scratchBase)).toEqual([]);
      expect(readdirSync(scratchBase)).toEqual([]);
    } finally {
      remove();
    }
  });
});

/** A shell script posing as the browser, and an empty folder to be its temp folder. */
function fakeBrowserIn(prefix: string, script: string): { fakeBrowser: string; scratchBase: string; remove: () => void } {
  const temp = mkdtempSync(path.join(os.tmpdir(), prefix));
  const fakeBrowser = path.join(temp, 'browser');
  writeFileSync(fakeBrowser, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  const scratchBase = path.join(temp, 'tmp');
  mkdirSync(scratchBase);
  const remove = (): void => {
    // Should the code under test leave the script's loop running, it must not outlive the test.
    for (const pid of browserChildren(scratchBase)) signalIfAlive(pid, 'SIGKILL');
    rmSync(temp, { recursive: true, force: true });
  };
  return { fakeBrowser, scratchBase, remove };
}

/** Live processes whose TMPDIR is a scratch folder in `scratchBase`: the browser's. */
function browserChildren(scratchBase: string): number[] {
  return processesWhoseEnvHas(`TMPDIR=${scratchBase}/`).filter(running);
}
