import type { SiteFormat } from '../output-format.js';
import { sitePaths } from './site-urls.js';

/** The microsite: a page per level and article, plus the home, compare, matrix and search pages. */
export const htmlFormat = {
  name: 'html',
  kind: 'site',
  level: [{ kind: 'html', path: sitePaths.level, download: null }],
  article: [{ kind: 'html', path: sitePaths.article, download: null }],
  ladder: [],
  load: async () => ({ render: (await import('./render-site.js')).renderSite }),
} as const satisfies SiteFormat;
