/**
 * `npm run backup -- --out <file>`: a consistent copy of the embedded database, for cron.
 * While Spotter runs, the server copies its database itself (through a local socket in
 * DATA_DIR) without stopping; when it is stopped, the folder is opened and copied here.
 * Restore with `npm run restore -- <file>` (README, "Backups").
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirLockedError } from './db/dir-lock.ts';
import { backupToFile, BackupRefusedError } from './features/backup/index.ts';
import { ConfigError, loadDatabaseLocation } from './plugins/env.ts';

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
  if (!values.out) {
    throw new BackupRefusedError('Say where to write it: npm run backup -- --out <file.tar.gz>');
  }
  const out = path.resolve(values.out);
  const started = Date.now();
  const { bytes, via } = await backupToFile(loadDatabaseLocation(), out);
  const mb = (bytes / 1024 / 1024).toFixed(1);
  const source = via === 'server' ? 'from the running server' : 'from the stopped data folder';
  console.log(`Backup written to ${out} (${mb} MB, ${source}, ${Date.now() - started} ms).`);
}

main().catch((err: unknown) => {
  if (
    err instanceof BackupRefusedError ||
    err instanceof DataDirLockedError ||
    err instanceof ConfigError
  ) {
    console.error(`\nNo backup was taken: ${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
