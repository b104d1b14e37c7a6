import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { loadLadder } from '../../src/read/load-ladder.js';
import { loadConfig } from '../../src/config/load-config.js';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics.js';
import { PROJECT_ROOT, runCli, tempProject } from '../build/build-fixtures.js';

async function configDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-config-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

async function problems(files: Record<string, string>, explicit: string | null = null): Promise<string[]> {
  const dir = await configDir(files);
  const diagnostics = new Diagnostics();
  const loaded = await loadConfig(dir, explicit === null ? null : path.join(dir, explicit), diagnostics);
  expect(loaded).toBeNull();
  return diagnostics.all.map((d) => formatDiagnostic(d).replace(dir + path.sep, '').replace(/^.*?(ladderpress\.config|missing)/, '$1'));
}

describe('config', () => {
  it('serves every default without a config file', async () => {
    const diagnostics = new Diagnostics();
    const loaded = await loadConfig(await configDir({}), null, diagnostics);
    expect(loaded?.file).toBeNull();
    expect(loaded?.config).toMatchObject({ base: '/', content: 'content', out: 'out', paper: 'A4', formats: ['html', 'pdf', 'docx', 'job-description', 'checklist'], referenceDocx: null });
    // Title, tagline and author are left to the content (the overview) unless the config sets them.
    expect(loaded?.config.site.title).toBeNull();
    expect(diagnostics.all).toEqual([]);
  });

  it('reads a JSON config and fills the rest with defaults', async () => {
    const dir = await configDir({ 'ladderpress.config.json': JSON.stringify({ site: { title: 'Acme', url: 'https://acme.example/ladder/' }, base: '/ladder/', paper: 'Letter' }) });
    const loaded = await loadConfig(dir, null, new Diagnostics());
    expect(loaded?.config.site).toMatchObject({ title: 'Acme', url: 'https://acme.example/ladder/', language: 'en' });
    expect(loaded?.config).toMatchObject({ base: '/ladder/', paper: 'Letter' });
  });

  it('points at the JSON syntax error', async () => {
    expect(await problems({ 'ladderpress.config.json': '{\n  "paper": "A4",\n  "site": { "title": }\n}' })).toEqual([
      expect.stringMatching(/^ladderpress\.config\.json:3:22 {2}error {2}Config is not valid JSON: .* {2}invalid-config\n {4}hint: See "Configuration" in the README/),
    ]);
  });

  it('lists every invalid key with its position, nested ones included', async () => {
    const json = '{\n  "paper": "A5",\n  "theme": {\n    "colorPrimary": "blue"\n  },\n  "colour": 1,\n  "base": "ladder",\n  "formats": ["html", "epub"]\n}';
    const found = await problems({ 'ladderpress.config.json': json });
    expect(found.map((line) => line.split('\n')[0])).toEqual([
      'ladderpress.config.json:2:3  error  Config "paper" invalid option: expected one of "A4"|"Letter"  invalid-config',
      'ladderpress.config.json:4:5  error  Config "theme.colorPrimary" must be a colour like "#1f4e79"  invalid-config',
      'ladderpress.config.json:6:3  error  Config has unknown key "colour"  invalid-config',
      'ladderpress.config.json:7:3  error  Config "base" must start and end with "/", like "/" or "/careers/ladder/"  invalid-config',
      'ladderpress.config.json:8:23  error  Config "formats.1" invalid option: expected one of "html"|"pdf"|"docx"|"job-description"|"checklist"  invalid-config',
    ]);
  });

  it('rejects a config that is not an object', async () => {
    expect(await problems({ 'ladderpress.config.json': '[1, 2]' })).toEqual([expect.stringMatching(/^ladderpress\.config\.json:1:1 {2}error {2}Config expected object, received array/)]);
  });

  it('says when the config file given does not exist', async () => {
    expect(await problems({}, 'missing.json')).toEqual([expect.stringMatching(/missing\.json:1:1 {2}error {2}Config file not found {2}invalid-config/)]);
  });

  it('reports a TypeScript config that throws or exports bad values', async () => {
    expect(await problems({ 'ladderpress.config.ts': 'throw new Error("no config today");\nexport default {};\n' })).toEqual([
      expect.stringMatching(/^ladderpress\.config\.ts:1:1 {2}error {2}Config could not be loaded: no config today {2}invalid-config/),
    ]);
    expect(await problems({ 'ladderpress.config.mjs': 'export default { paper: 5, site: { url: "ftp://x" } };\n' })).toEqual([
      expect.stringMatching(/^ladderpress\.config\.mjs:1:1 {2}error {2}Config "site\.url" invalid URL {2}invalid-config/),
      expect.stringMatching(/^ladderpress\.config\.mjs:1:1 {2}error {2}Config "paper" invalid option: expected one of "A4"\|"Letter" {2}invalid-config/),
    ]);
  });

  it('points at the cause and line:col of a syntax error in a .ts config (issue 17)', async () => {
    const project = await tempProject('ladderpress-config-ts-syntax-');
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(path.join(project, 'ladderpress.config.ts'), "export default {\n  site: { title: 'x' },\n  formats: ['html' 'pdf'],\n};\n");
    const run = await runCli(['check', 'content'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ladderpress\.config\.ts:3:20 {2}error {2}Config could not be loaded: Expected "\]" but found "'pdf'" {2}invalid-config/m);
    expect(run.stderr).not.toContain('Transform failed');
  });

  it("loads a ladderpress.config.ts that imports defineConfig from 'ladderpress', from the CLI", async () => {
    const project = await tempProject('ladderpress-config-ts-');
    await mkdir(path.join(project, 'node_modules'));
    await symlink(PROJECT_ROOT, path.join(project, 'node_modules', 'ladderpress'));
    await writeFile(
      path.join(project, 'ladderpress.config.ts'),
      "import { defineConfig } from 'ladderpress';\n\nexport default defineConfig({ site: { title: 'Typed Ladder' }, content: 'content', paper: 'Letter' });\n",
    );
    // In a CommonJS project tsx compiles the config to CommonJS: its default export is still found.
    const commonJs = await runCli(['model'], project);
    expect(commonJs.stderr).toBe('');
    expect(JSON.parse(commonJs.stdout)).toMatchObject({ site: { title: 'Typed Ladder', paper: 'Letter' } });
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'our-ladder', private: true, type: 'module' }));
    const run = await runCli(['model'], project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ site: { title: 'Typed Ladder', paper: 'Letter' } });
  });

  it("takes the content folder from the config, relative to the config file", async () => {
    const project = await tempProject('ladderpress-config-content-');
    await mkdir(path.join(project, 'site'));
    await writeFile(path.join(project, 'site', 'ladder.json'), JSON.stringify({ content: '../content' }));
    const cwd = process.cwd();
    process.chdir(project);
    try {
      const diagnostics = new Diagnostics();
      const settings = await resolveSettings({ contentDir: null, outDir: null, configFile: path.join('site', 'ladder.json') }, diagnostics);
      expect(settings?.contentDir).toBe('content');
      const loaded = await loadLadder(settings!, diagnostics);
      expect(loaded.ladder?.levels).toHaveLength(5);
    } finally {
      process.chdir(cwd);
    }
  });

  it('aligns the competencies the config names into one row, before the built-in synonyms', async () => {
    const project = await tempProject('ladderpress-config-competencies-');
    await writeFile(path.join(project, 'ladderpress.config.json'), JSON.stringify({ competencies: { 'Ways of Working': ['Tooling', 'operational excellence', 'Execution'] } }));
    const cwd = process.cwd();
    process.chdir(project);
    try {
      const diagnostics = new Diagnostics();
      const settings = await resolveSettings({ contentDir: null, outDir: null, configFile: null }, diagnostics);
      const loaded = await loadLadder(settings!, diagnostics);
      const row = loaded.ladder?.competencies.find((competency) => competency.name === 'Ways of Working');
      expect(row?.alignedBy).toBe('config');
      expect(row?.cells.map((cell) => `${cell.level}: ${cell.names.join(' + ')}`)).toEqual(['engineer: Tooling', 'senior-engineer: Operational Excellence', 'manager: Execution']);
    } finally {
      process.chdir(cwd);
    }
  });
});
