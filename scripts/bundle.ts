// Bundles the CLI, the programmatic API and the two worker threads into dist/ (after `tsc` has
// checked the types and written the .d.ts files there): one bundle with shared chunks, lazy imports
// kept lazy as chunks of their own. A cold build of 5 levels then opens 304 JavaScript files instead
// of 989 one by one and takes 0.93× the time (10 paired runs); bundling our own code alone measured
// 1.00×: the gain is in the dependencies' many small modules.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { bundleHash, CODE_FINGERPRINT_FILE } from '../src/write/tool-fingerprint.ts';

/**
 * What package.json lists as dependencies is installed beside the package and left to Node's
 * resolution at run time; everything else the code imports is bundled, and is a devDependency, so
 * `npm install ladderpress` does not install it a second time. The dependencies are native code
 * (resvg), packages that find their own files beside them (puppeteer's browser launchers, tsx's
 * loader for TypeScript configs), the dev server's watcher, the two packages read with
 * require.resolve (octicons' data, minisearch's UMD file), and the mdast types the API's .d.ts names.
 * pdf.js is bundled with its worker (src/render/pdf/pdfjs.ts runs that in the build's thread).
 * Bundling puppeteer too measured no faster (1.02×, 10 paired runs): it loads once, when printing starts.
 */
const EXTERNAL = Object.keys((JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies);

// Chunks are named by their content: the last bundle's would pile up beside the new ones.
for (const name of await readdir('dist').catch(() => [])) if (name.endsWith('.js') || name.endsWith('.js.map')) await rm(path.join('dist', name));

const result = await build({
  entryPoints: {
    cli: 'src/cli.ts',
    index: 'src/index.ts',
    // Beside every chunk, where siblingModule (worker-thread.ts) looks for them.
    'parse-worker': 'src/read/parse-worker.ts',
    'docx-worker': 'src/render/docx/docx-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // ES modules first: a package's UMD build (jsonc-parser's) loads its parts with a require esbuild cannot follow.
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  // CommonJS dependencies require Node's built-ins; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as bundleRequire } from 'node:module';\nconst require = bundleRequire(import.meta.url);" },
  legalComments: 'eof',
  // For DEBUG=ladderpress's stack traces (bin/ladderpress.js): file and line in src/, without the
  // sources' text, which the package does not ship.
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
});

await dropDependencyMaps(result.metafile);
await writeFile(path.join('dist', 'THIRD-PARTY-NOTICES.md'), await notices(result.metafile));
// The code's fingerprint for the cache keys, hashed once here instead of at every start (tool-fingerprint.ts).
await writeFile(path.join('dist', CODE_FINGERPRINT_FILE), `${await bundleHash('dist')}\n`);

/**
 * Source maps are for traces into our own code: a chunk made only of dependencies' code (pdf.js and
 * its worker, most of all) ships without one. That is 3.5 of the 5 MB of maps.
 */
async function dropDependencyMaps(metafile: Metafile): Promise<void> {
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    if (!output.endsWith('.js') || !Object.keys(inputs).every((input) => input.includes('node_modules/'))) continue;
    await rm(`${output}.map`);
    const code = await readFile(output, 'utf8');
    await writeFile(output, code.replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n'));
  }
}

/** The licences of the packages bundled into dist/: their code ships inside ours. */
async function notices(metafile: Metafile): Promise<string> {
  const roots = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) roots.add(match[1]);
  }
  const sections: string[] = [];
  for (const root of [...roots].sort()) {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const text = await licenceText(root);
    sections.push(`## ${manifest.name} ${manifest.version} (${manifest.license ?? 'see the package'})\n\n${text ? '```\n' + text.trim() + '\n```' : 'No licence file in the package.'}\n`);
  }
  return `# Third-party notices\n\nladderpress's dist/ bundles these packages' code.\n\n${sections.join('\n')}`;
}

async function licenceText(root: string): Promise<string | null> {
  for (const name of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'license.md', 'LICENCE', 'LICENSE-MIT']) {
    const text = await readFile(path.join(root, name), 'utf8').catch(() => null);
    if (text !== null) return text;
  }
  return null;
}
