// The shape of a `cx-engage <group> <action>` operator command. Each domain defines its own
// commands against this; operator-commands.ts lists them and runs one, so the list imports the
// domains and never the other way round.
import type { Context } from '../context.ts';

export interface OperatorCommand {
  name: string;
  usage: string;
  summary: string;
  run(ctx: Context, args: string[], out: (line: string) => void): Promise<number>;
}
