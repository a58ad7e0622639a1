// pino with secrets and personal data redacted wherever they might appear in a log object.
import pino, { type Logger } from 'pino';

const REDACT = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]',
  '*.password', '*.adminPassword', '*.secret', '*.apiKey', '*.testApiKey', '*.adminApiKey', '*.token', '*.accessToken',
  '*.to', '*.from', '*.phone', '*.number', '*.body', '*.email',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: {
        // Query strings can carry numbers (`?to=+44...`): log the path only.
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
      },
    },
    destination,
  );
}
