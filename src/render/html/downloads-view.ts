import type { Format, RenderContext } from '../render-context.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';
import type { TrustedHtml } from './trusted-html.js';

export interface DownloadLink {
  readonly label: string;
  readonly detail: string;
  readonly url: string;
  readonly icon: TrustedHtml;
}

interface Offer {
  readonly format: Format;
  readonly label: string;
  readonly detail: string;
  readonly path: string;
}

/** Download buttons for a level: only for formats this build writes, so no button is ever broken. */
export function levelDownloads(slug: string, context: RenderContext, urls: PageUrls): DownloadLink[] {
  return offered(
    [
      { format: 'pdf', label: 'Handout', detail: 'PDF', path: sitePaths.download.levelPdf(slug) },
      { format: 'pdf', label: 'One-page profile', detail: 'PDF', path: sitePaths.download.profilePdf(slug) },
      { format: 'docx', label: 'Word', detail: 'DOCX', path: sitePaths.download.levelDocx(slug) },
    ],
    context,
    urls,
  );
}

/** The whole ladder as one book. */
export function ladderDownloads(context: RenderContext, urls: PageUrls): DownloadLink[] {
  return offered(
    [
      { format: 'pdf', label: 'Whole ladder', detail: 'PDF', path: sitePaths.download.ladderPdf },
      { format: 'docx', label: 'Whole ladder', detail: 'DOCX', path: sitePaths.download.ladderDocx },
    ],
    context,
    urls,
  );
}

function offered(offers: readonly Offer[], context: RenderContext, urls: PageUrls): DownloadLink[] {
  return offers
    .filter((offer) => context.formats.has(offer.format))
    .map((offer) => ({ label: offer.label, detail: offer.detail, url: urls.to(offer.path), icon: octicon('download') }));
}
