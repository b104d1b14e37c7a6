import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

const run = promisify(execFile);

/** What `npm pack` reads: the manifest, the README and what the package is compiled from. */
const PACKAGE_SOURCES = ['package.json', 'README.md', 'LICENSE', 'bin', 'src', 'scripts', 'templates', 'schema', 'tsconfig.json', 'tsconfig.build.json'];

/** npm settings a machine may give through the environment: where the registry is and how to reach it. */
const KEPT_NPM_SETTINGS = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|ca)$/i;

/**
 * The environment of a nested npm: without the other npm_* variables `npm test` sets (they would point
 * the inner npm at this project's prefix, package and scripts), and without a Chromium download.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PUPPETEER_SKIP_DOWNLOAD: '1', NO_COLOR: '1', CI: 'true' };
  for (const [name, value] of Object.entries(process.env)) if (!name.toLowerCase().startsWith('npm_') || KEPT_NPM_SETTINGS.test(name)) env[name] = value;
  return env;
}

async function sh(command: string, args: readonly string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(command, args, { cwd, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${failed.stdout ?? ''}\n${failed.stderr ?? failed.message}`);
  }
}

const level = (title: string, order: number, body: string): string => `---\norder: ${order}\n---\n\n# ${title}\n\n${body}\n\n## Responsibilities\n\n- Ship reliable changes\n- Review each other's work\n`;

/** Uses the installed package the way a user's script would: by its name, from the ESM entry. */
const API_SCRIPT = `
import { build, check, readLadder, defineConfig } from 'ladderpress';
const config = defineConfig({ site: { title: 'Tarball Ladder' } });
const checked = await check({ content: 'content' });
const { ladder, diagnostics } = await readLadder({ content: 'content' });
const built = await build({ content: 'content', out: 'out-api', formats: ['html'] });
process.stdout.write(JSON.stringify({
  config,
  check: { ok: checked.ok, errors: checked.errors, diagnostics: Array.isArray(checked.diagnostics) },
  levels: ladder?.levels.map((level) => level.slug).sort() ?? null,
  readDiagnostics: Array.isArray(diagnostics),
  build: { ok: built.ok, exitCode: built.exitCode, files: built.files.map((file) => file.path) },
}));
`;

/**
 * A TypeScript user of the API. The @ts-expect-error lines fail the compile when a type is lost to
 * `any` (a type package missing from the dependencies would do that silently under skipLibCheck).
 */
const TYPED_SCRIPT = `
import { build, check, readLadder, defineConfig, type BuildResult, type CheckResult, type Ladder } from 'ladderpress';
const config = defineConfig({ site: { title: 'Typed' }, paper: 'Letter' });
const checked: CheckResult = await check({ content: 'content', strict: true });
const { ladder }: { ladder: Ladder | null } = await readLadder({ content: 'content' });
const built: BuildResult = await build({ out: 'out-typed', formats: ['html', 'docx'] });
// @ts-expect-error: not a format
await build({ formats: ['rtf'] });
// @ts-expect-error: the paper is A4 or Letter
defineConfig({ paper: 'A3' });
// @ts-expect-error: a level's body is an mdast Root, whose type is "root"
const wrong: number = ladder!.levels[0]!.body.type;
export const used = [config, checked.ok, built.files.length, wrong];
`;

/**
 * The package as a user gets it: `npm pack` (which compiles through "prepare") on a copy of the
 * package's sources, the tarball installed into an empty project from the registry, then the CLI and
 * the programmatic API run there on that project's own content/.
 */
describe('the packed tarball installs into another project and builds its ladder', () => {
  let work: string;
  let app: string;
  let tarballFiles: string[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-tarball-'));
    // A copy, so packing compiles into its own dist/ and never rewrites the dist/ other tests are running.
    const source = path.join(work, 'package');
    await mkdir(source);
    for (const entry of PACKAGE_SOURCES) await cp(path.join(PROJECT_ROOT, entry), path.join(source, entry), { recursive: true });
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(source, 'node_modules'));
    // A compiled file whose source is gone: packing must start from an empty dist/ and not ship it.
    await mkdir(path.join(source, 'dist'));
    await writeFile(path.join(source, 'dist/removed-module.js'), 'export {};\n');
    const packs = path.join(work, 'packs');
    await mkdir(packs);
    const packed = JSON.parse((await sh('npm', ['pack', '--json', '--pack-destination', packs], source)).stdout.replace(/^[^[]*/, '')) as { filename: string; files: { path: string }[] }[];
    const tarball = path.join(packs, path.basename(packed[0]?.filename ?? 'missing.tgz'));
    tarballFiles = packed[0]?.files.map((file) => file.path) ?? [];

    app = path.join(work, 'app');
    await mkdir(path.join(app, 'content', 'levels'), { recursive: true });
    await writeFile(path.join(app, 'package.json'), `${JSON.stringify({ name: 'tarball-app', private: true, type: 'module' }, null, 2)}\n`);
    await writeFile(path.join(app, 'content/levels/engineer.md'), level('Engineer', 1, 'An engineer builds and runs features with the help of the team.'));
    await writeFile(path.join(app, 'content/levels/senior-engineer.md'), level('Senior Engineer', 2, 'A senior engineer leads features from idea to production.'));
    // --prefer-offline: the cache `npm ci` filled serves what it can; the rest comes from the registry.
    // npm runs no "prepare" for a tarball dependency (only for linked folders and git): had it run,
    // it would fail here, where neither tsc nor src/ exists.
    await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
  }, 300_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('ships the compiled code, its types, the templates and the schema, and no TypeScript sources', () => {
    expect(tarballFiles).toEqual(expect.arrayContaining(['bin/ladderpress.js', 'dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'templates/layout.liquid', 'schema/model.schema.json', 'README.md', 'LICENSE', 'package.json']));
    expect(tarballFiles.filter((file) => file.startsWith('src/') || file.startsWith('test/') || file.startsWith('content/') || file.endsWith('.tsbuildinfo') || file === 'dist/removed-module.js')).toEqual([]);
  });

  it('installs what the bundle leaves to Node, not the packages bundled into it a second time', async () => {
    const installed = (name: string): Promise<boolean> => stat(path.join(app, 'node_modules', name)).then(() => true, () => false);
    const notices = await readFile(path.join(app, 'node_modules/ladderpress/dist/THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const bundled of ['docx', 'liquidjs', 'unified', 'remark-parse', 'hast-util-to-html', 'yaml', 'pdfjs-dist']) {
      expect(notices).toContain(`## ${bundled} `);
      expect(await installed(bundled), bundled).toBe(false);
    }
    for (const runtime of ['puppeteer', '@resvg/resvg-js', 'tsx']) expect(await installed(runtime), runtime).toBe(true);
    // pdf.js's optional dependency, which it needs only to draw pages: not installed with pdf.js bundled.
    expect(await installed('@napi-rs/canvas')).toBe(false);
  });

  it('declares the API with its own types and those of packages it installs (mdast), nothing bundled', async () => {
    const dist = path.join(app, 'node_modules/ladderpress/dist');
    const named = new Set<string>();
    const seen = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [, specifier = ''] of code.matchAll(/(?:\bfrom|\bimport\()\s*['"]([^'"]+)['"]/g)) {
        if (specifier.startsWith('.')) await visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.d.ts')));
        else named.add(specifier);
      }
    };
    await visit(path.join(dist, 'index.d.ts'));
    expect([...named].sort()).toEqual(['mdast']);
    const manifest = JSON.parse(await readFile(path.join(app, 'node_modules/ladderpress/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).toContain('@types/mdast');
  });

  it('`npx ladderpress build --only html,docx` builds the project’s own content with its TypeScript config and the package’s templates', async () => {
    // The config imports defineConfig from the installed package and loads through the package's tsx.
    await writeFile(path.join(app, 'ladderpress.config.ts'), "import { defineConfig } from 'ladderpress';\nexport default defineConfig({ site: { title: 'Tarball Ladder' } });\n");
    await sh('npx', ['ladderpress', 'build', '--only', 'html,docx'], app);
    const html = await readFile(path.join(app, 'out/index.html'), 'utf8');
    expect(html).toContain('<title>Tarball Ladder</title>');
    expect(html).toContain('Senior Engineer');
    const docx = await readFile(path.join(app, 'out/engineer.docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    // The installed package ran compiled: there is no source for it to fall back to.
    await expect(stat(path.join(app, 'node_modules/ladderpress/src'))).rejects.toThrow();
  }, 120_000);

  it('prints PDFs and reads them back (`build --verify`) with the bundled pdf.js, whose canvas package is not installed', async () => {
    const { stdout, stderr } = await sh('npx', ['ladderpress', 'build', '--only', 'pdf', '--out', 'out-pdf', '--verify'], app);
    expect(stderr).toMatch(/verify: output read back: no problems/);
    expect(stdout + stderr).not.toMatch(/Warning|internal error/);
    expect((await readFile(path.join(app, 'out-pdf/ladder.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('takes nothing from the cache once the package’s code changes (its bundle’s fingerprint keys the cache)', async () => {
    const said = async (): Promise<string> => {
      const { stdout, stderr } = await sh('npx', ['ladderpress', 'build', '--only', 'html,docx'], app);
      return stdout + stderr;
    };
    expect(await said()).toContain('up to date');
    // What an upgrade to a new bundle looks like to the cache.
    await writeFile(path.join(app, 'node_modules/ladderpress/dist/code-fingerprint.txt'), '0123456789abcdef\n');
    expect(await said()).toMatch(/\b0 of 3 documents from the cache/);
  }, 120_000);

  it('imports build, check, readLadder and defineConfig by name; the project’s own templates/ win', async () => {
    await cp(path.join(app, 'node_modules/ladderpress/templates'), path.join(app, 'templates'), { recursive: true });
    const layout = path.join(app, 'templates/layout.liquid');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('</body>', '<p id="own-template">ours</p></body>'));
    await writeFile(path.join(app, 'use-api.mjs'), API_SCRIPT);
    const result = JSON.parse((await sh('node', ['use-api.mjs'], app)).stdout) as Record<string, unknown>;
    expect(result).toEqual({
      config: { site: { title: 'Tarball Ladder' } },
      check: { ok: true, errors: 0, diagnostics: true },
      levels: ['engineer', 'senior-engineer'],
      readDiagnostics: true,
      build: { ok: true, exitCode: 0, files: expect.arrayContaining(['index.html', 'engineer.html']) },
    });
    expect(await readFile(path.join(app, 'out-api/index.html'), 'utf8')).toContain('<p id="own-template">ours</p>');
    expect(await readFile(path.join(app, 'out/index.html'), 'utf8')).not.toContain('own-template');
  }, 120_000);

  it('ships source maps: with them on (as DEBUG=ladderpress turns them on), a trace names the sources’ files and lines', async () => {
    await writeFile(path.join(app, 'trace.mjs'), "process.setSourceMapsEnabled(true);\nconst { build } = await import('ladderpress');\ntry { await build(null); } catch (error) { process.stdout.write(error.stack); }\n");
    const { stdout } = await sh('node', ['trace.mjs'], app);
    expect(stdout).toMatch(/\bsrc\/api\/build\.ts:\d+:\d+/);
  }, 60_000);

  it('gives TypeScript users the API’s types from the shipped .d.ts files', async () => {
    await writeFile(path.join(app, 'use-api.ts'), TYPED_SCRIPT);
    const tsc = path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');
    // skipLibCheck: third-party declarations the install resolved fresh are not ours to check.
    await sh(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', 'use-api.ts'], app);
  }, 60_000);
});
