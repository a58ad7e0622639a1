// Process wiring: database, migrations, bootstrap, the api role (HTTP) and the worker role
// (background loops). `stop()` is the graceful shutdown SIGTERM triggers.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import { buildApp, type App } from './app.ts';
import { startWebhookDeliverer } from './webhooks/deliverer.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { openPool } from './db/pool.ts';
import { migrate } from './db/migrate.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { createLogger } from './platform/logger.ts';
import { resolveMasterKeys } from './platform/crypto/master-key.ts';
import { createKeyring } from './platform/crypto/keyring.ts';
import { migrateJobQueue, startJobRunner } from './platform/jobs.ts';
import { workerJobs } from './jobs.ts';
import { ensureBootstrap } from './bootstrap.ts';
import { ensureEmailSealing } from './platform/email/outbox.ts';
import { startMessagingRuntime } from './messaging/dispatch/runtime.ts';
import { createSmppLink } from './channels/smpp/link.ts';
import { withDefaults } from './channels/smpp/connector-config.ts';
import { createSubjectHasher } from './privacy/subject-hash.ts';
import { leadSandbox } from './sandbox/leader.ts';
import { registerEventFanOut } from './platform/events.ts';
import { webhookFanOut } from './webhooks/fan-out.ts';

export interface Platform {
  ctx: Context;
  /** The base URL the api role listens on (undefined for --role worker). */
  url: string | undefined;
  app: App | undefined;
  bootstrapFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  log?: Logger;
}

export async function startPlatform(config: Config, opts: StartOptions = {}): Promise<Platform> {
  const log = opts.log ?? createLogger(config.logLevel, undefined, config.logFormat);
  // Every event this process emits gets its webhook deliveries in the same statement.
  registerEventFanOut(webhookFanOut);
  const masterKeys = await resolveMasterKeys(config);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    databaseUrl = embedded.url;
  }
  const sql = openPool(databaseUrl);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err: unknown) => log.error({ err }, 'error during shutdown'));
  };
  stops.push(async () => embedded?.stop());
  stops.push(() => sql.end({ timeout: 5 }));
  try {
    const applied = await migrate(sql);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const ctx: Context = {
      sql,
      log,
      config,
      clock: opts.clock ?? systemClock,
      keyring: createKeyring(sql, masterKeys),
    };
    await migrateJobQueue(log, databaseUrl);

    let app: App | undefined;
    let started = false;
    let url: string | undefined;
    if (config.role !== 'worker') {
      app = await buildApp(ctx, { started: () => started });
      stops.push(() => app!.close());
      await app.listen({ port: config.port, host: config.host });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    }
    const boot = await ensureBootstrap(ctx, config.publicUrl ?? url ?? `http://${config.host}:${config.port}`);
    await ensureEmailSealing(ctx);
    if (config.role !== 'api') {
      const runner = await startJobRunner(ctx, databaseUrl, workerJobs(ctx));
      stops.push(() => runner.stop());
      const messaging = startMessagingRuntime(ctx, {
        databaseUrl,
        hasher: createSubjectHasher(sql, ctx.keyring),
        // Settings stored by older versions lack newer fields: fill them with today's defaults.
        makeLink: (row, password, handlers, share) =>
          createSmppLink({ connectorId: row.id, config: withDefaults(row.config), password, handlers, log, share }),
        // The sandbox WhatsApp simulator posts its webhooks to this process's API (or the public URL).
        ...(config.sandbox && {
          onLead: () => leadSandbox(ctx, config.publicUrl ?? url ?? `http://127.0.0.1:${config.port}`),
        }),
      });
      stops.push(() => messaging.stop());
      const webhooks = startWebhookDeliverer(ctx);
      stops.push(() => webhooks.stop());
    }
    started = true;
    return { ctx, url, app, bootstrapFile: boot.path, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
