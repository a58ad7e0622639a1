// `cx-engage audit verify` (implemented by the audit work).
import type { OperatorCommand } from '../../operator-commands.ts';

export const auditVerifyCommand: OperatorCommand = {
  name: 'audit verify',
  usage: 'audit verify',
  summary: 'check every account audit chain; exit 1 on an edited or deleted row',
  run: async () => 1,
};
