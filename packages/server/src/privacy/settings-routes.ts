// An account's privacy settings (privacy:manage): consent enforcement, manual approval of
// data-subject requests, and the SMS keywords with their confirmation texts.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Context } from '../context.ts';
import type { Db } from '../db/pool.ts';
import { accountSettings, replaceAccountSettings } from '../accounts/store.ts';
import { actorOf, principalOf } from '../http/principal.ts';
import { withTransaction } from '../db/tx.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { DEFAULT_KEYWORDS, DEFAULT_REPLIES, type KeywordAction } from '../messaging/keywords.ts';
import { Problem, type FieldError } from '../http/problem.ts';

const Words = Type.Array(Type.String({ minLength: 1, maxLength: 20, pattern: '^\\S+$' }), {
  minItems: 1,
  maxItems: 20,
});
const PerKeyword = <T extends Parameters<typeof Type.Optional>[0]>(t: T) =>
  Type.Object(
    { stop: Type.Optional(t), start: Type.Optional(t), help: Type.Optional(t) },
    { additionalProperties: false },
  );
const Reply = Type.String({ minLength: 1, maxLength: 306 });
const SettingsSchema = Type.Object({
  consentEnforcement: Type.Boolean({ description: 'marketing needs a current grant for its channel' }),
  manualApproval: Type.Boolean({ description: 'data-subject requests wait in received for a person to approve them' }),
  keywords: Type.Object({
    stop: Type.Array(Type.String()),
    start: Type.Array(Type.String()),
    help: Type.Array(Type.String()),
  }),
  replies: Type.Object({ stop: Type.String(), start: Type.String(), help: Type.String() }),
});

interface StoredSettings {
  consentEnforcement?: boolean;
  privacyManualApproval?: boolean;
  keywords?: Partial<Record<KeywordAction, string[]>>;
  keywordReplies?: Partial<Record<KeywordAction, string>>;
  helpText?: string;
}

function present(s: StoredSettings) {
  return {
    consentEnforcement: s.consentEnforcement === true,
    manualApproval: s.privacyManualApproval === true,
    keywords: { ...DEFAULT_KEYWORDS, ...s.keywords },
    replies: { ...DEFAULT_REPLIES, ...s.keywordReplies, ...(s.helpText ? { help: s.helpText } : {}) },
  };
}

export async function privacySettingsRoutes(base: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = opts;
  const load = async (accountId: string, db: Db = ctx.sql) =>
    (await accountSettings<StoredSettings>(db, accountId, { forUpdate: true }))!;

  app.get(
    '/v1/privacy/settings',
    {
      schema: {
        tags: ['privacy'],
        summary: "The account's consent, request and keyword settings",
        response: { 200: SettingsSchema },
      },
    },
    async (request) => present(await load(principalOf(request).accountId)),
  );

  app.put(
    '/v1/privacy/settings',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Change consent enforcement, manual approval of requests, keywords and their replies (audited)',
        body: Type.Object(
          {
            consentEnforcement: Type.Optional(Type.Boolean()),
            manualApproval: Type.Optional(Type.Boolean()),
            keywords: Type.Optional(PerKeyword(Words)),
            replies: Type.Optional(PerKeyword(Reply)),
          },
          { additionalProperties: false },
        ),
        response: { 200: SettingsSchema },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      return withTransaction(ctx.sql, async (tx) => {
        const s = await load(p.accountId, tx);
        const keywords = { ...s.keywords, ...b.keywords };
        // One word cannot mean two things.
        const errors: FieldError[] = [];
        const owner = new Map<string, KeywordAction>();
        for (const action of ['stop', 'start', 'help'] as const) {
          for (const word of keywords[action] ?? DEFAULT_KEYWORDS[action]) {
            const other = owner.get(word.toUpperCase());
            if (other && other !== action)
              errors.push({ pointer: `/keywords/${action}`, detail: `${word} is already a ${other} keyword` });
            owner.set(word.toUpperCase(), action);
          }
        }
        if (errors.length > 0) throw Problem.fields(errors);
        const next: StoredSettings = {
          ...s,
          ...(b.consentEnforcement !== undefined && { consentEnforcement: b.consentEnforcement }),
          ...(b.manualApproval !== undefined && { privacyManualApproval: b.manualApproval }),
          keywords,
          keywordReplies: { ...s.keywordReplies, ...b.replies },
          ...(b.replies?.help && { helpText: b.replies.help }),
        };
        await replaceAccountSettings(tx, p.accountId, next, ctx.clock.now());
        const changed = Object.keys(b).sort().join(',');
        await appendAudit(tx, {
          accountId: p.accountId,
          actor: actorOf(p),
          action: 'privacy.settings_changed',
          data: { changed, consentEnforcement: next.consentEnforcement === true },
          at: ctx.clock.now(),
        });
        return present(next);
      });
    },
  );
}
