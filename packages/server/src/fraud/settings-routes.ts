// Fraud settings per account (operators), the destination range list (import and export as
// CSV), and OTP verification feedback from clients, which the conversion rule learns from.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import { principalOf } from '../http/principal.ts';
import { operatorActor } from '../http/principal.ts';
import { accountSettings, houseAccountId, mergeAccountSettings } from '../accounts/store.ts';
import { withTransaction } from '../db/tx.ts';
import { recordset } from '../db/recordset.ts';
import { P, Problem } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { FraudOverridesSchema, fraudConfigOf, type FraudOverrides } from './config.ts';
import { recordVerification } from './counters.ts';
import { rangeOf } from './rules.ts';
import { loadRanges, parseRangesCsv, rangesToCsv } from './ranges.ts';

const Mode = Type.Union([Type.Literal('off'), Type.Literal('monitor'), Type.Literal('enforce')]);
const SettingsSchema = Type.Object({
  mode: Mode,
  overrides: FraudOverridesSchema,
  effective: Type.Record(Type.String(), Type.Unknown(), { description: 'the defaults with the overrides applied' }),
});

export async function fraudSettingsRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const tags = ['admin: fraud'];
  const settingsOf = async (accountId: string) => {
    const settings = await accountSettings(ctx.sql, accountId);
    if (!settings) throw new Problem(P['not-found'], `no account ${accountId}`);
    const effective = fraudConfigOf(settings);
    return { mode: effective.mode, overrides: (settings.fraud ?? {}) as FraudOverrides, effective };
  };

  app.get(
    '/v1/admin/accounts/:accountId/fraud-settings',
    {
      schema: {
        tags,
        summary: "An account's fraud mode and rule settings",
        params: idParam('accountId'),
        response: { 200: SettingsSchema },
      },
    },
    async (request) => settingsOf(request.params.accountId),
  );

  app.put(
    '/v1/admin/accounts/:accountId/fraud-settings',
    {
      schema: {
        tags,
        summary:
          'Set the fraud mode (off, monitor: record only, enforce: hold and block) and override rule settings (applies within 5 s)',
        params: idParam('accountId'),
        body: Type.Object(
          { mode: Mode, overrides: Type.Optional(FraudOverridesSchema) },
          { additionalProperties: false },
        ),
        response: { 200: SettingsSchema },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      const b = request.body;
      await withTransaction(ctx.sql, async (tx) => {
        const found = await mergeAccountSettings(
          tx,
          accountId,
          { fraudMode: b.mode, fraud: b.overrides ?? {} },
          ctx.clock.now(),
        );
        if (!found) throw new Problem(P['not-found'], `no account ${accountId}`);
        await appendAudit(tx, {
          accountId,
          actor: operatorActor(request),
          action: 'fraud.settings_changed',
          target: { type: 'account', id: accountId },
          data: { mode: b.mode, overrides: Object.keys(b.overrides ?? {}).join(',') },
          at: ctx.clock.now(),
        });
      });
      return settingsOf(accountId);
    },
  );

  app.get(
    '/v1/account/fraud-settings',
    {
      schema: {
        tags: ['account'],
        summary: 'How the fraud rules judge your traffic (set by your operator)',
        response: { 200: SettingsSchema },
      },
    },
    async (request) => settingsOf(principalOf(request).accountId),
  );

  app.get(
    '/v1/admin/fraud/ranges',
    {
      schema: {
        tags,
        summary: 'The destination range list as CSV: the shipped seed entries and yours (prefix,action,label,source)',
      },
    },
    async (_request, reply) => reply.type('text/csv; charset=utf-8').send(rangesToCsv(await loadRanges(ctx.sql))),
  );

  app.put(
    '/v1/admin/fraud/ranges',
    {
      schema: {
        tags,
        summary:
          'Replace your range entries from CSV (prefix,action,label; action review, block or allow: allow lifts a seed entry)',
        body: Type.Object({ csv: Type.String({ maxLength: 1_000_000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ entries: Type.Integer() }) },
      },
    },
    async (request) => {
      const rows = parseRangesCsv(request.body.csv);
      const at = ctx.clock.now();
      await withTransaction(ctx.sql, async (tx) => {
        await tx`delete from fraud_ranges`;
        if (rows.length > 0) {
          await tx`insert into fraud_ranges (prefix, action, label, updated_at)
                 select prefix, action, label, ${at} from ${recordset(tx, rows, { prefix: 'text', action: 'text', label: 'text' })}
                 on conflict (prefix) do update set action = excluded.action, label = excluded.label`;
        }
        await appendAudit(tx, {
          accountId: await houseAccountId(ctx.sql),
          actor: operatorActor(request),
          action: 'fraud.ranges_imported',
          target: { type: 'fraud_ranges', id: 'operator' },
          data: { entries: rows.length },
          at,
        });
      });
      return { entries: rows.length };
    },
  );

  app.post(
    '/v1/messages/:messageId/feedback',
    {
      schema: {
        tags: ['messages'],
        summary:
          'Report that the one-time passcode in this message was verified (the fraud rules judge OTP conversion per number range)',
        params: idParam('messageId'),
        body: Type.Object({ outcome: Type.Literal('verified') }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { accountId } = principalOf(request);
      const at = ctx.clock.now();
      await withTransaction(ctx.sql, async (tx) => {
        const [m] = await tx<{ to: string; first: boolean }[]>`
        update messages set verified_at = coalesce(verified_at, ${at}) where account_id = ${accountId} and id = ${request.params.messageId} and direction = 'outbound'
        returning to_number as "to", verified_at = ${at} as first`;
        if (!m) throw new Problem(P['not-found'], `no outbound message ${request.params.messageId}`);
        if (m.first) await recordVerification(tx, accountId, rangeOf(m.to), at);
      });
      return reply.code(204).send(null);
    },
  );
}
