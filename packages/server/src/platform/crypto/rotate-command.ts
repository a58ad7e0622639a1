// `cx-engage keys rotate` (implemented by the crypto work).
import type { OperatorCommand } from '../../operator-commands.ts';

export const keysRotateCommand: OperatorCommand = {
  name: 'keys rotate',
  usage: 'keys rotate',
  summary: 're-wrap every data key with the current CX_MASTER_KEY',
  run: async () => 1,
};
