import type { Site } from '../model/types.js';
import type { ResolvedConfig } from './config-schema.js';

/** Used when neither SOURCE_DATE_EPOCH nor the config gives a date, so builds stay reproducible. */
const FIXED_DATE = '2000-01-01T00:00:00.000Z';

/** The model's site settings from the config; the date from SOURCE_DATE_EPOCH, the config, or fixed. */
export function siteFromConfig(config: ResolvedConfig, env: NodeJS.ProcessEnv = process.env): Site {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const fromEpoch = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString() : null;
  const fromConfig = config.date ? new Date(config.date).toISOString() : null;
  return {
    ...config.site,
    paper: config.paper,
    theme: config.theme,
    date: fromEpoch ?? fromConfig ?? FIXED_DATE,
  };
}
