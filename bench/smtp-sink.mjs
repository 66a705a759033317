// A local SMTP server for bench/mailing.bench.ts in a worker thread of its own, so taking the
// mail does not compete with the app's event loop (a provider's server runs elsewhere too). It
// posts its port once listening, then answers every message with the number received.
import process from 'node:process';
import { parentPort } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, _session, done) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received++;
      done();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({ port: server.server.address().port });
});
parentPort.on('message', (msg) => {
  if (msg === 'count') parentPort.postMessage({ received });
  if (msg === 'close') server.close(() => process.exit(0));
});
