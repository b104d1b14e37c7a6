import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Pinned so every run compares against the same code (3.1.5: later 3.1.x need packages the registry mirror lacks). */
export const NPM_PEERS = { 'md-to-pdf': '5.2.5', '@11ty/eleventy': '3.1.5' } as const;

export interface Peers {
  readonly pandoc: string | null;
  /** md-to-pdf's CLI script. */
  readonly mdToPdf: string | null;
  /** Eleventy's CLI script. */
  readonly eleventy: string | null;
  readonly chromium: string | null;
  readonly versions: Readonly<Record<string, string>>;
  readonly notes: readonly string[];
}

/**
 * Finds the peers, installing the missing ones when allowed: pandoc from Debian (apt-get), the npm
 * peers into the git-ignored `bench/.peers` (never into the project's dependencies), with
 * PUPPETEER_SKIP_DOWNLOAD because md-to-pdf is pointed at the system Chromium.
 */
export async function ensurePeers(benchDir: string, install: boolean): Promise<Peers> {
  const notes: string[] = [];
  const versions: Record<string, string> = { node: process.version };
  let pandoc = await which('pandoc');
  if (!pandoc && install) {
    try {
      await run('apt-get', ['install', '-y', 'pandoc'], { maxBuffer: 1 << 24 }).catch(async () => {
        await run('apt-get', ['update'], { maxBuffer: 1 << 24 });
        await run('apt-get', ['install', '-y', 'pandoc'], { maxBuffer: 1 << 24 });
      });
      notes.push('installed pandoc with apt-get');
    } catch (error) {
      notes.push(`could not install pandoc (${String(error).split('\n')[0]}): install it with your package manager`);
    }
    pandoc = await which('pandoc');
  }
  if (pandoc) versions.pandoc = (await run(pandoc, ['--version'])).stdout.split('\n')[0]?.replace(/^pandoc\s*/, '') ?? '?';
  else notes.push('pandoc not found: its rows are skipped');

  const prefix = path.join(benchDir, '.peers');
  const modules = path.join(prefix, 'node_modules');
  const installed = Object.keys(NPM_PEERS).every((name) => existsSync(path.join(modules, name, 'package.json')));
  if (!installed && install) {
    const specs = Object.entries(NPM_PEERS).map(([name, version]) => `${name}@${version}`);
    await mkdir(prefix, { recursive: true });
    try {
      await run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', ...specs], {
        env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
        maxBuffer: 1 << 24,
      });
      notes.push(`installed ${specs.join(', ')} into bench/.peers`);
    } catch (error) {
      notes.push(`could not install ${specs.join(', ')} (${String(error).split('\n')[0]})`);
    }
  }
  const script = async (name: string, bin: string): Promise<string | null> => {
    const manifest = path.join(modules, name, 'package.json');
    if (!existsSync(manifest)) {
      notes.push(`${name} not installed: its rows are skipped`);
      return null;
    }
    versions[name] = (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
    return path.join(modules, name, bin);
  };
  const mdToPdf = await script('md-to-pdf', 'dist/cli.js');
  const eleventy = await script('@11ty/eleventy', 'cmd.cjs');
  if (mdToPdf) {
    const puppeteerManifest = path.join(modules, 'puppeteer', 'package.json');
    if (existsSync(puppeteerManifest)) versions['puppeteer (md-to-pdf)'] = (JSON.parse(await readFile(puppeteerManifest, 'utf8')) as { version: string }).version;
  }

  const chromium = process.env.CHROMIUM_PATH ?? (await which('chromium')) ?? (await which('chromium-browser'));
  if (chromium) versions.chromium = (await run(chromium, ['--version']).catch(() => ({ stdout: '?' }))).stdout.trim();
  else notes.push('chromium not found: PDF rows are skipped');
  return { pandoc, mdToPdf, eleventy, chromium, versions, notes };
}

async function which(name: string): Promise<string | null> {
  try {
    return (await run('sh', ['-c', `command -v ${name}`])).stdout.trim() || null;
  } catch {
    return null;
  }
}
