import { startDev } from '../dev/dev-session.js';
import { EXIT } from '../exit-codes.js';

/** `ladderpress dev`: serve with live reload until Ctrl-C. */
export async function runDev(dir: string | null, options: { port: string; host: string; config: string | null }): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`error: --port must be a port number, not "${options.port}"\n`);
    return EXIT.usage;
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const session = await startDev({ contentDir: dir, configFile: options.config, host: options.host, port, log });
  log(`ladderpress dev: ${session.url}  (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await session.close();
  return EXIT.ok;
}
