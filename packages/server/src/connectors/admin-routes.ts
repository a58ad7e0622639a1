// /v1/admin/connectors: operators' connections to SMSCs (smpp) and WhatsApp Business Accounts
// (whatsapp), with their live state. Passwords, tokens and secrets are write-only, sealed.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { houseAccountId } from '../accounts/store.ts';
import { P, Problem } from '../http/problem.ts';
import { idParam, NullableTimestamp, Timestamp } from '../http/schemas.ts';
import { newId } from '../platform/ids.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { operatorActor } from '../http/principal.ts';
import { withTransaction } from '../db/tx.ts';
import { jsonb } from '../db/json.ts';
import { SmppConfigInput, withDefaults, type SmppConfig } from '../channels/smpp/connector-config.ts';
import {
  connectorStatuses,
  deleteConnector,
  getConnector,
  insertConnector,
  listAllConnectors,
  updateConnector,
  type AnyConnectorRow,
  type ConnectorStatusRow,
} from './store.ts';
import {
  WhatsAppConfigInput,
  mergeSecrets,
  whatsAppConfig,
  type WhatsAppConfig,
  type WhatsAppSecrets,
} from '../channels/whatsapp/connector-config.ts';

const withoutSecret = ({ password: _password, ...config }: SmppConfigInput) => config;

/** A status row older than this means no worker holds the bind any more. */
const STALE_MS = 30_000;

const ConnectorSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('smpp'), Type.Literal('whatsapp')]),
  enabled: Type.Boolean(),
  sandbox: Type.Boolean(),
  state: Type.Union(
    [
      Type.Literal('bound'),
      Type.Literal('connecting'),
      Type.Literal('down'),
      Type.Literal('disabled'),
      Type.Literal('ready'),
    ],
    {
      description:
        'smpp: the bind held by the leading worker; whatsapp (HTTP, no session): ready once its secrets are set',
    },
  ),
  config: Type.Record(Type.String(), Type.Unknown(), {
    description: 'settings without the password, token or secrets',
  }),
  hasPassword: Type.Boolean({
    description: 'smpp: a password is set; whatsapp: the token, app secret and verify token are set',
  }),
  stats: Type.Object({
    windowInUse: Type.Integer(),
    submitted: Type.Integer(),
    failed: Type.Integer(),
    receipts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()]),
    reportedAt: NullableTimestamp,
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

function connectorJson(c: AnyConnectorRow, s: ConnectorStatusRow | undefined, now: Date) {
  const fresh = s && now.getTime() - s.updatedAt.getTime() < STALE_MS;
  const live = fresh && (s.state === 'bound' || s.state === 'connecting') ? s.state : 'down';
  const state = !c.enabled ? 'disabled' : c.kind === 'whatsapp' ? (c.secret ? 'ready' : 'down') : live;
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    enabled: c.enabled,
    sandbox: c.isSandbox,
    state: state as 'bound',
    config: c.config as unknown as Record<string, unknown>,
    hasPassword: c.secret !== null,
    stats: {
      windowInUse: fresh ? s.outstanding : 0,
      submitted: Number(s?.submitted ?? 0),
      failed: Number(s?.failed ?? 0),
      receipts: Number(s?.receipts ?? 0),
      lastError: s?.lastError ?? null,
      reportedAt: s?.updatedAt.toISOString() ?? null,
    },
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function connectorAdminRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: connectors'];
  const Params = idParam('connectorId');
  const encryptPassword = async (password: string | undefined) =>
    password === undefined ? undefined : ctx.keyring.encrypt(await houseAccountId(ctx.sql), password);
  const sealWhatsAppSecrets = async (secrets: Partial<WhatsAppSecrets>) =>
    ctx.keyring.encrypt(await houseAccountId(ctx.sql), JSON.stringify(secrets));
  const openWhatsAppSecrets = async (sealed: Buffer) =>
    JSON.parse(
      (await ctx.keyring.decrypt(await houseAccountId(ctx.sql), sealed)).toString('utf8'),
    ) as Partial<WhatsAppSecrets>;
  const audit = (
    tx: Parameters<typeof appendAudit>[0],
    request: Parameters<typeof operatorActor>[0],
    action: string,
    id: string,
    at: Date,
  ) =>
    houseAccountId(ctx.sql).then((accountId) =>
      appendAudit(tx, { accountId, actor: operatorActor(request), action, target: { type: 'connector', id }, at }),
    );

  const Name = Type.String({ minLength: 1, maxLength: 100 });
  const Enabled = Type.Optional(Type.Boolean({ default: true }));
  app.post(
    '/v1/admin/connectors',
    {
      schema: {
        tags,
        summary: 'Create an SMPP connector or a WhatsApp Business Account connector',
        body: Type.Union([
          Type.Object(
            { name: Name, kind: Type.Literal('smpp'), enabled: Enabled, config: SmppConfigInput },
            { additionalProperties: false },
          ),
          Type.Object(
            { name: Name, kind: Type.Literal('whatsapp'), enabled: Enabled, config: WhatsAppConfigInput },
            { additionalProperties: false },
          ),
        ]),
        response: { 201: ConnectorSchema },
      },
    },
    async (request, reply) => {
      const at = ctx.clock.now();
      const b = request.body;
      const common = {
        id: newId('con', at),
        name: b.name,
        enabled: b.enabled ?? true,
        isSandbox: false,
        createdAt: at,
        updatedAt: at,
      };
      const fields: AnyConnectorRow =
        b.kind === 'smpp'
          ? {
              ...common,
              kind: 'smpp',
              config: withDefaults(withoutSecret(b.config)),
              secret: (await encryptPassword(b.config.password)) ?? null,
            }
          : {
              ...common,
              kind: 'whatsapp',
              config: whatsAppConfig(b.config),
              secret: await sealWhatsAppSecrets(mergeSecrets(null, b.config)),
            };
      const row = await withTransaction(ctx.sql, async (tx) => {
        const c = await insertConnector(tx, fields);
        await audit(tx, request, 'connector.created', c.id, at);
        return c;
      });
      return reply.code(201).send(connectorJson(row, undefined, at));
    },
  );

  app.get(
    '/v1/admin/connectors',
    {
      schema: {
        tags,
        summary: 'List connectors with their live state',
        response: { 200: Type.Object({ data: Type.Array(ConnectorSchema), nextCursor: Type.Null() }) },
      },
    },
    async () => {
      const [rows, statuses] = await Promise.all([listAllConnectors(ctx.sql), connectorStatuses(ctx.sql)]);
      const now = ctx.clock.now();
      return { data: rows.map((c) => connectorJson(c, statuses.get(c.id), now)), nextCursor: null };
    },
  );

  app.get(
    '/v1/admin/connectors/:connectorId',
    {
      schema: {
        tags,
        summary: 'Get a connector with its state and counters',
        params: Params,
        response: { 200: ConnectorSchema },
      },
    },
    async (request) => {
      const c = await getConnector(ctx.sql, request.params.connectorId);
      if (!c) throw new Problem(P['not-found'], `no connector ${request.params.connectorId}`);
      return connectorJson(c, (await connectorStatuses(ctx.sql)).get(c.id), ctx.clock.now());
    },
  );

  app.patch(
    '/v1/admin/connectors/:connectorId',
    {
      schema: {
        tags,
        summary: 'Rename, enable or disable a connector, or change its settings',
        params: Params,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            enabled: Type.Optional(Type.Boolean()),
            config: Type.Optional(
              Type.Union([SmppConfigInput, WhatsAppConfigInput], {
                description: "the connector kind's whole configuration; secrets left out stay as they are",
              }),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ConnectorSchema },
      },
    },
    async (request) => {
      const at = ctx.clock.now();
      const current = await getConnector(ctx.sql, request.params.connectorId);
      if (!current) throw new Problem(P['not-found'], `no connector ${request.params.connectorId}`);
      const given = request.body.config;
      let change: { config?: SmppConfig | WhatsAppConfig; secret?: Buffer | null } = {};
      if (given && current.kind === 'smpp') {
        if (!('systemId' in given))
          throw Problem.field('/config', 'an SMPP connector takes an SMPP configuration (host, port, systemId…)');
        const secret = await encryptPassword(given.password);
        change = { config: withDefaults(withoutSecret(given)), ...(secret !== undefined && { secret }) };
      } else if (given) {
        if (!('wabaId' in given))
          throw Problem.field('/config', 'a WhatsApp connector takes a WhatsApp configuration (wabaId, graphBaseUrl…)');
        const stored = current.secret ? await openWhatsAppSecrets(current.secret) : null;
        change = { config: whatsAppConfig(given), secret: await sealWhatsAppSecrets(mergeSecrets(stored, given)) };
      }
      const row = await withTransaction(ctx.sql, async (tx) => {
        const c = await updateConnector(
          tx,
          request.params.connectorId,
          {
            ...(request.body.name !== undefined && { name: request.body.name }),
            ...(request.body.enabled !== undefined && { enabled: request.body.enabled }),
            ...change,
          },
          at,
        );
        if (!c) throw new Problem(P['not-found'], `no connector ${request.params.connectorId}`);
        await audit(tx, request, 'connector.updated', c.id, at);
        return c;
      });
      return connectorJson(row, (await connectorStatuses(ctx.sql)).get(row.id), at);
    },
  );

  app.delete(
    '/v1/admin/connectors/:connectorId',
    {
      schema: {
        tags,
        summary: 'Delete a connector that no route uses',
        params: Params,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const id = request.params.connectorId;
      const [used] =
        await ctx.sql`select id from routes where connectors @> ${jsonb(ctx.sql, [{ connectorId: id }])}::jsonb limit 1`;
      if (used)
        throw new Problem(P.conflict, `route ${used.id as string} still uses this connector; change the route first`);
      const at = ctx.clock.now();
      await withTransaction(ctx.sql, async (tx) => {
        const c = await getConnector(tx, id);
        if (!c) throw new Problem(P['not-found'], `no connector ${id}`);
        if (c.isSandbox) throw new Problem(P.conflict, 'the sandbox connector cannot be deleted; disable it instead');
        await deleteConnector(tx, id);
        await audit(tx, request, 'connector.deleted', id, at);
      });
      return reply.code(204).send(null);
    },
  );
}
