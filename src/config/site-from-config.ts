import type { SiteSettings } from '../read/complete-site.js';
import type { ResolvedConfig } from './config-types.js';

/** Used when nothing gives a date (no config date, no SOURCE_DATE_EPOCH, no content), so builds stay reproducible. */
const FIXED_DATE = '2000-01-01T00:00:00.000Z';

/**
 * The model's site settings from the config. The date: the config's `date`, else SOURCE_DATE_EPOCH,
 * else when the content last changed (`contentDate`, see read/content-date.ts), else fixed. Title,
 * tagline and author the config leaves out are taken from the content when it is read.
 */
export function siteFromConfig(config: ResolvedConfig, env: NodeJS.ProcessEnv = process.env, contentDate: string | null = null): SiteSettings {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const fromEpoch = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString() : null;
  const fromConfig = config.date ? new Date(config.date).toISOString() : null;
  return {
    ...config.site,
    base: config.base,
    paper: config.paper,
    theme: config.theme,
    date: fromConfig ?? fromEpoch ?? contentDate ?? FIXED_DATE,
  };
}
