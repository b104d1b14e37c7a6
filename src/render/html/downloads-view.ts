import type { Download } from '../format-files.js';
import type { RenderContext } from '../render-context.js';
import { octicon } from './octicon-svg.js';
import type { PageUrls } from './site-urls.js';
import type { TrustedHtml } from './trusted-html.js';

export interface DownloadLink {
  readonly label: string;
  readonly detail: string;
  readonly url: string;
  /** The name the browser saves it under: "Engineering Career Ladder – VP.pdf", not "vp.pdf". */
  readonly fileName: string;
  readonly icon: TrustedHtml;
}

/** Download buttons for a level: only for formats this build writes, so no button is ever broken. */
export function levelDownloads(slug: string, name: string, context: RenderContext, urls: PageUrls, siteTitle: string): DownloadLink[] {
  return context.formats.flatMap((format) => format.level.flatMap((file) => link(file.download, file.path(slug), urls, `${siteTitle} – ${name}`)));
}

/** The whole ladder as one book. */
export function ladderDownloads(context: RenderContext, urls: PageUrls, siteTitle: string): DownloadLink[] {
  return context.formats.flatMap((format) => format.ladder.flatMap((file) => link(file.download, file.path, urls, siteTitle)));
}

function link(download: Download | null, path: string, urls: PageUrls, base: string): DownloadLink[] {
  if (!download) return [];
  const extension = /\.[a-z0-9]+$/i.exec(path)?.[0] ?? '';
  const fileName = `${safeFileName(download.name ? `${base} ${download.name}` : base)}${extension}`;
  return [{ label: download.label, detail: download.detail, url: urls.to(path), fileName, icon: octicon('download') }];
}

/** A name every file system takes: no path separators, reserved or control characters, not too long. */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return (clean.length > 120 ? clean.slice(0, 120).trimEnd() : clean) || 'download';
}
