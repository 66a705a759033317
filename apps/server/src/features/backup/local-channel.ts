import { createHash } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * How `npm run backup` reaches a running server: a local socket beside the data (a named pipe
 * on Windows). Whoever may open it may read the data folder anyway, so it needs no password;
 * the file is the owner's alone (0600). The server answers `ok <bytes>\n` and the backup, or
 * `error <message>\n`.
 */
const REQUEST = 'backup\n';
/** Unix socket paths are limited to about 107 bytes. */
const MAX_SOCKET_PATH = 100;

export function socketPathOf(dataDir: string): string {
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\spotter-backup-${hash}`;
  const beside = path.join(dataDir, 'backup.sock');
  return beside.length <= MAX_SOCKET_PATH
    ? beside
    : path.join(os.tmpdir(), `spotter-backup-${hash}.sock`);
}

/** Serves backups to local clients until the returned function is called. */
export async function serveBackups(
  dataDir: string,
  dump: () => Promise<Blob>,
  onError: (err: unknown) => void,
): Promise<() => Promise<void>> {
  const file = socketPathOf(dataDir);
  // We hold the data folder's lock, so a socket file left here is a crashed server's.
  if (process.platform !== 'win32') rmSync(file, { force: true });
  const server = net.createServer((socket) => {
    socket.on('error', () => socket.destroy());
    let asked = '';
    socket.on('data', (chunk) => {
      asked += String(chunk);
      if (asked.length < REQUEST.length) return;
      socket.removeAllListeners('data');
      if (asked !== REQUEST) return void socket.end('error unknown request\n');
      dump().then(
        async (blob) => {
          socket.write(`ok ${blob.size}\n`);
          socket.end(Buffer.from(await blob.arrayBuffer()));
        },
        (err: unknown) => {
          onError(err);
          socket.end('error the server could not copy its database\n');
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  server.on('error', onError);
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
}

/**
 * Asks the server running on this data folder for a backup. Null when none listens (it is
 * stopped, or predates the socket).
 */
export function fetchFromServer(dataDir: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPathOf(dataDir));
    const chunks: Buffer[] = [];
    let connected = false;
    socket.on('connect', () => {
      connected = true;
      socket.write(REQUEST);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (!connected && ['ENOENT', 'ECONNREFUSED'].includes(err.code ?? '')) resolve(null);
      else reject(err);
    });
    socket.on('end', () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks)));
      } catch (err) {
        reject(err);
      }
    });
  });
}

function parseAnswer(answer: Buffer): Buffer {
  const newline = answer.indexOf(10);
  const head = answer.subarray(0, newline === -1 ? answer.length : newline).toString();
  if (head.startsWith('error ')) throw new Error(`The server refused: ${head.slice(6)}`);
  const size = /^ok (\d+)$/.exec(head);
  const body = answer.subarray(newline + 1);
  if (!size || body.length !== Number(size[1])) {
    throw new Error('The server’s answer was cut short; no backup was written.');
  }
  return body;
}
