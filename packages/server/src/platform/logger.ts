// pino with secrets and personal data redacted wherever they might appear in a log object.
// Two formats: JSON lines for machines (log collectors, the default when stdout is not a
// terminal) and pino-pretty for people. Redaction runs in pino before either format sees
// the record, so both hide the same fields.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'pretty' | 'json';

const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  '*.password',
  '*.adminPassword',
  '*.secret',
  '*.apiKey',
  '*.testApiKey',
  '*.adminApiKey',
  '*.token',
  '*.accessToken',
  '*.to',
  '*.from',
  '*.phone',
  '*.number',
  '*.body',
  '*.email',
];

export function createLogger(level: string, destination?: pino.DestinationStream, format: LogFormat = 'json'): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: {
        // Query strings can carry numbers (`?to=+44...`): log the path only.
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          url: req.url.split('?')[0],
          id: req.id,
        }),
      },
    },
    format === 'pretty' ? prettyStream(destination) : destination,
  );
}

// In the main thread (not a pino transport worker): start-up lines and records stay in order.
function prettyStream(destination: pino.DestinationStream | undefined): pino.DestinationStream {
  return pretty({
    sync: true,
    colorize: destination === undefined && process.stdout.isTTY === true,
    ignore: 'pid,hostname',
    translateTime: 'SYS:HH:MM:ss.l',
    ...(destination ? { destination } : {}),
  });
}
