import type { Ladder } from '../../model/types.js';
import type { PageHead } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';

/** not-found.liquid's data: where to go instead. */
export function notFoundView(ladder: Ladder, urls: PageUrls): { head: PageHead; data: object } {
  return {
    head: { title: 'Page not found', description: `This page does not exist in the ${ladder.site.title}.`, type: 'website', current: { kind: 'not-found' } },
    data: {
      homeUrl: urls.to(sitePaths.home),
      levels: ladder.levels.map((level) => ({ label: level.label, title: level.title, url: urls.to(sitePaths.level(level.slug)), icon: octicon(level.icon) })),
    },
  };
}
