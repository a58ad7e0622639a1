// `cx-engage keys rotate [--data-keys]`
import { parseArgs } from 'node:util';
import type { OperatorCommand } from '../operator-command.ts';
import { resolveMasterKeys } from './master-key.ts';
import { rotateKeys } from './rotate.ts';

export const keysRotateCommand: OperatorCommand = {
  name: 'keys rotate',
  usage: 'keys rotate [--data-keys]',
  summary:
    're-wrap every data key with CX_MASTER_KEY (old key in CX_MASTER_KEY_PREVIOUS); --data-keys also starts new data keys',
  async run(ctx, args, out) {
    const { values } = parseArgs({ args, options: { 'data-keys': { type: 'boolean', default: false } } });
    const keys = await resolveMasterKeys(ctx.config);
    const report = await rotateKeys(ctx.sql, keys, { dataKeys: values['data-keys'], at: ctx.clock.now() });
    out(
      `master key ${keys.current.id}: ${report.rewrapped} data keys re-wrapped, ${report.alreadyCurrent} already current`,
    );
    if (values['data-keys'])
      out(`${report.newDataKeys} accounts got a new active data key; older keys stay for decrypting older data`);
    if (report.unknownMasterKey.length) {
      out(
        `${report.unknownMasterKey.length} data keys are wrapped by a master key that is not configured (set CX_MASTER_KEY_PREVIOUS):`,
      );
      for (const k of report.unknownMasterKey.slice(0, 20)) out(`  ${k}`);
      return 1;
    }
    return 0;
  },
};
