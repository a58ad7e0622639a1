// A webhook receiver to try CX Engage on your own machine (docs/quickstart.md, step 5). It
// checks each delivery's Standard Webhooks signature and prints one line per event. Plain
// Node (>= 20), no packages. A real service should use the SDK's verifyWebhook or the
// standardwebhooks library (docs/webhooks.md#verifying): they also refuse old timestamps.
//
//   SECRET=whsec_… node docs/examples/webhook-receiver.mjs    (RECEIVER_PORT: default 9000)
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.SECRET ?? '';
if (!secret.startsWith('whsec_')) {
  console.error('Set SECRET to the endpoint secret (whsec_…) that POST /v1/webhook-endpoints answered.');
  process.exit(1);
}
const key = Buffer.from(secret.slice('whsec_'.length), 'base64');

/** Signed content is `${webhook-id}.${webhook-timestamp}.${raw body}`, HMAC-SHA256, base64. */
function signedByUs(headers, body) {
  const mac = createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest();
  // During a secret rotation two signatures arrive, space-separated: one match is enough.
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((sig) => {
      const given = Buffer.from(sig.replace(/^v1,/, ''), 'base64');
      return sig.startsWith('v1,') && given.length === mac.length && timingSafeEqual(given, mac);
    });
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    if (!signedByUs(req.headers, body)) {
      console.log('refused: the signature does not match SECRET');
      res.writeHead(400).end();
      return;
    }
    const { type, data } = JSON.parse(body);
    console.log(['verified', type, data.id, data.channel, data.status].filter(Boolean).join(' '));
    res.writeHead(204).end();
  });
});
server.listen(Number(process.env.RECEIVER_PORT ?? 9000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/hooks`);
});
