// Every background task and cron line of the worker role, gathered from the domains.
import type { Context } from './context.ts';
import type { JobSpec } from './platform/jobs.ts';
import { sweepIdempotencyKeys } from './platform/idempotency.ts';
import { sendDueEmails, smtpSender } from './platform/email/outbox.ts';
import { deleteExpiredFiles } from './platform/files/store.ts';
import { sweepEndedDeliveries } from './webhooks/delivery-store.ts';
import { runInvoices } from './billing/invoices.ts';
import { remindOverdue } from './billing/payments.ts';
import { startOfMonth } from './platform/calendar.ts';
import { pruneFraudCounters } from './fraud/counters.ts';
import { createWhatsAppDirectory } from './channels/whatsapp/directory.ts';
import { syncTemplates } from './channels/whatsapp/template-service.ts';
import { EXECUTE_TASK, executeRequest } from './privacy/requests/execute.ts';
import { applyRetention } from './privacy/retention/job.ts';
import { deemPoliciesAccepted } from './policies/deemed-acceptance.ts';

export function workerJobs(ctx: Context): JobSpec {
  const sender = smtpSender(ctx);
  const whatsapp = createWhatsAppDirectory(ctx);
  return {
    tasks: {
      delete_expired_files: async () => {
        const removed = await deleteExpiredFiles(ctx.sql, ctx.clock.now());
        if (removed) ctx.log.info({ removed }, 'expired files deleted');
      },
      send_emails: async () => {
        await sendDueEmails(ctx, sender);
      },
      // The monthly invoice run: everything used before the 1st of this month.
      invoice_run: async () => {
        const report = await runInvoices(ctx, { type: 'system', id: 'invoice-run' }, startOfMonth(ctx.clock.now()));
        ctx.log.info({ issued: report.issued.length, skipped: report.skipped }, 'invoice run');
      },
      invoice_reminders: async () => {
        const reminded = await remindOverdue(ctx);
        if (reminded) ctx.log.info({ reminded }, 'overdue invoice reminders sent');
      },
      sweep_webhook_deliveries: async () => {
        const removed = await sweepEndedDeliveries(ctx.sql, ctx.clock.now());
        if (removed) ctx.log.info({ removed }, 'old webhook deliveries removed');
      },
      sync_whatsapp_templates: async () => {
        const changed = await syncTemplates(ctx, whatsapp);
        if (changed) ctx.log.info({ changed }, 'WhatsApp templates synced');
      },
      prune_fraud_counters: async () => {
        const removed = await pruneFraudCounters(ctx.sql, ctx.clock.now());
        if (removed) ctx.log.info({ removed }, 'old fraud counters removed');
      },
      [EXECUTE_TASK]: async (payload) => {
        const { accountId, requestId } = payload as { accountId: string; requestId: string };
        await executeRequest(ctx, accountId, requestId);
      },
      apply_retention: async () => {
        const runs = await applyRetention(ctx);
        ctx.log.info({ accounts: runs.length, incomplete: runs.filter((r) => !r.complete).length }, 'retention run');
      },
      deem_policies_accepted: async () => {
        const deemed = await deemPoliciesAccepted(ctx);
        if (deemed) ctx.log.info({ deemed }, 'policy versions deemed accepted');
      },
      sweep_idempotency_keys: async () => {
        const removed = await sweepIdempotencyKeys(ctx);
        if (removed) ctx.log.info({ removed }, 'expired idempotency keys removed');
      },
    },
    crontab: [
      '17 * * * * sweep_idempotency_keys',
      '* * * * * send_emails',
      '*/10 * * * * delete_expired_files',
      '23 * * * * sweep_webhook_deliveries',
      '0 3 1 * * invoice_run',
      '0 8 * * * invoice_reminders',
      '41 * * * * prune_fraud_counters',
      '*/5 * * * * sync_whatsapp_templates',
      '30 2 * * * apply_retention',
      '*/10 * * * * deem_policies_accepted',
    ],
  };
}
