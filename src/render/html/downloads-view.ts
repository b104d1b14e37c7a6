import type { Download } from '../format-files.js';
import type { RenderContext } from '../render-context.js';
import { octicon } from './octicon-svg.js';
import type { PageUrls } from './site-urls.js';
import type { TrustedHtml } from './trusted-html.js';

export interface DownloadLink {
  readonly label: string;
  readonly detail: string;
  readonly url: string;
  readonly icon: TrustedHtml;
}

/** Download buttons for a level: only for formats this build writes, so no button is ever broken. */
export function levelDownloads(slug: string, context: RenderContext, urls: PageUrls): DownloadLink[] {
  return context.formats.flatMap((format) => format.level.flatMap((file) => link(file.download, file.path(slug), urls)));
}

/** The whole ladder as one book. */
export function ladderDownloads(context: RenderContext, urls: PageUrls): DownloadLink[] {
  return context.formats.flatMap((format) => format.ladder.flatMap((file) => link(file.download, file.path, urls)));
}

function link(download: Download | null, path: string, urls: PageUrls): DownloadLink[] {
  return download ? [{ label: download.label, detail: download.detail, url: urls.to(path), icon: octicon('download') }] : [];
}
