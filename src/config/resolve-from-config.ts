import path from 'node:path';

/** Paths in a config file are relative to the folder it sits in; without one, to the working directory. */
export function resolveFromConfig(configFile: string | null, value: string): string {
  if (path.isAbsolute(value) || configFile === null) return value;
  return path.relative(process.cwd(), path.resolve(path.dirname(configFile), value)) || '.';
}
