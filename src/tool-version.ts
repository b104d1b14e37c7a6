import { createRequire } from 'node:module';

/** ladderpress's own version, from package.json: part of cache keys and document metadata. */
export const TOOL_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
