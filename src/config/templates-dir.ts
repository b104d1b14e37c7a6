import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';

/** The templates every install starts with: the package's own. */
export const PACKAGE_TEMPLATES = path.join(PROJECT_ROOT, 'templates');

/**
 * The templates a build renders with: the project's own `templates/` folder when it has one (the
 * config's folder, or the working folder without a config), else the package's. Whole folders, not
 * file by file: a project that copied ours owns every template, so an upgrade never mixes the two.
 */
export async function templatesDir(configFile: string | null, cwd: string = process.cwd()): Promise<string> {
  const own = path.join(configFile ? path.dirname(path.resolve(cwd, configFile)) : cwd, 'templates');
  const isFolder = await stat(own).then((found) => found.isDirectory(), () => false);
  return isFolder ? own : PACKAGE_TEMPLATES;
}
