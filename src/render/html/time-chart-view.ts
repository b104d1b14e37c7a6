import type { TimeShare } from '../../model/time-share.js';
import type { Ladder } from '../../model/types.js';
import { shareInWords, timeCharts } from '../time-chart.js';
import { trusted, type TrustedHtml } from './trusted-html.js';

/** Template data of a time-allocation chart, on the level page and in the PDF handout. */
export interface TimeChartView {
  readonly title: string;
  /** Where the table is on the overview (a link), or null when there is no overview page to link to. */
  readonly sourceUrl: string | null;
  readonly rows: readonly {
    readonly activity: string;
    /** The value as written: beside the bar, for the eye and for a screen reader. */
    readonly text: string;
    /** The bar (aria-hidden: the text says the same), or null when the value is not a share. */
    readonly bar: TrustedHtml | null;
    /** The share in words ("70 to 80 percent"). */
    readonly words: string;
  }[];
}

/** The level's time-allocation charts; `overviewUrl` links the table's heading on the overview page (null: no links). */
export function timeChartsView(ladder: Ladder, slug: string, overviewUrl: ((anchor: string | null) => string) | null): TimeChartView[] {
  const { overview } = ladder;
  return timeCharts(ladder, slug).map((chart) => ({
    title: chart.title,
    sourceUrl: overviewUrl && overview?.file === chart.source.file ? overviewUrl(overview.headings.some((heading) => heading.id === chart.id) ? chart.id : null) : null,
    rows: chart.rows.map((row) => ({ activity: row.activity, text: row.text, bar: row.share && shareBarSvg(row.share), words: shareInWords(row) })),
  }));
}

/**
 * One bar on a 0–100 % scale, drawn at build time: solid up to the low end, a lighter band with end
 * ticks over a range ("70–80%"). Quarter lines make bars of different rows comparable. Colours are
 * classes, so the site's light and dark themes and the print stylesheet set them.
 */
export function shareBarSvg(share: TimeShare): TrustedHtml {
  const round = (n: number): string => String(Math.round(n * 10) / 10);
  const grid = [25, 50, 75].map((x) => `<line class="share-grid" x1="${x}" y1="0" x2="${x}" y2="12"/>`).join('');
  const sure = share.low > 0 ? `<rect class="share-sure" x="0" y="2" width="${round(share.low)}" height="8" rx="1"/>` : '';
  const range =
    share.high > share.low
      ? `<rect class="share-range" x="${round(share.low)}" y="2" width="${round(share.high - share.low)}" height="8"/><line class="share-tick" x1="${round(share.high)}" y1="0" x2="${round(share.high)}" y2="12"/>`
      : '';
  const zero = share.high === 0 ? '<line class="share-tick" x1="0.5" y1="0" x2="0.5" y2="12"/>' : '';
  return trusted(`<svg class="share-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">${grid}${sure}${range}${zero}</svg>`);
}
