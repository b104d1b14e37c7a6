import { createRequire } from 'node:module';

let names: ReadonlySet<string> | null = null;

/** Whether an icon name exists in @primer/octicons (the icon set Retype uses). */
export function isKnownIcon(name: string): boolean {
  names ??= new Set(Object.keys(createRequire(import.meta.url)('@primer/octicons/build/data.json') as Record<string, unknown>));
  return names.has(name);
}
