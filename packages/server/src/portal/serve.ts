// The web portal (packages/portal, built by `npm ci` or `npm run build -w packages/portal`) at `/`.
// Hashed assets are immutable; index.html is revalidated on every load so a new release shows at
// once. Paths without a file extension are the portal's own routes (/accept-invitation,
// /messages/…): they get index.html and the portal's router takes over. The API's prefixes are
// never shadowed: an unknown /v1/… path stays a 404 problem.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { P, Problem } from '../http/problem.ts';

export const PORTAL_DIST = fileURLToPath(new URL('../../../portal/dist/', import.meta.url));
const API_PREFIXES = ['/v1/', '/docs', '/healthz', '/readyz', '/metrics', '/webhooks/'];
const IMMUTABLE = 'public, max-age=31536000, immutable';
// The portal loads nothing from elsewhere; charts draw on a canvas, QR codes are data: images.
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const PLACEHOLDER =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>CX Engage</title>' +
  '<body><h1>CX Engage</h1><p>The web portal is not built. Run <code>npm run build -w packages/portal</code> ' +
  '(<code>npm ci</code> does it) and restart. The API is at <a href="/docs">/docs</a>.</p></body></html>';

export async function portalRoutes(app: FastifyInstance, opts: { dist?: string } = {}): Promise<void> {
  const dist = opts.dist ?? PORTAL_DIST;
  const built = fs.existsSync(path.join(dist, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: dist, serve: false });

  const serve = async (urlPath: string, reply: FastifyReply) => {
    if (API_PREFIXES.some((p) => urlPath.startsWith(p) || urlPath === p.replace(/\/$/, ''))) {
      throw new Problem(P['not-found'], `no route GET ${urlPath}`);
    }
    if (!built) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(PLACEHOLDER);
    if (path.extname(urlPath) === '') {
      reply
        .header('content-security-policy', CSP)
        .header('referrer-policy', 'same-origin')
        .header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    }
    // A missing file falls through to the not-found handler (a 404 problem), never to index.html.
    if (urlPath.startsWith('/assets/'))
      return reply.header('cache-control', IMMUTABLE).sendFile(urlPath.slice(1), { cacheControl: false });
    return reply.header('cache-control', 'no-cache').sendFile(urlPath.slice(1), { cacheControl: false });
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) => serve('/', reply));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => serve(request.url.split('?')[0]!, reply));
}
