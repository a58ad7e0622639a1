// `cx-engage sandbox-smsc`: the sandbox SMSC on its own, to test any SMPP client against it.
import { parseArgs } from 'node:util';
import { createLogger } from '../platform/logger.ts';
import { startSmscSimulator } from './smsc/simulator.ts';

export async function runSandboxSmsc(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '2775' },
      host: { type: 'string', default: '127.0.0.1' },
      'system-id': { type: 'string', default: 'cxsandbox' },
      password: { type: 'string', default: 'sandbox' },
      'receipt-delay-ms': { type: 'string', default: '200' },
    },
  });
  const smsc = await startSmscSimulator({
    host: values.host,
    port: Number(values.port),
    systemId: values['system-id'],
    password: values.password,
    receiptDelayMs: Number(values['receipt-delay-ms']),
    log: createLogger('info'),
  });
  console.log(
    `sandbox SMSC listening on ${values.host}:${smsc.port} (system_id ${values['system-id']}, password ${values.password})`,
  );
  console.log('destination suffixes: 901 rejected, 902 UNDELIV, 903 EXPIRED, 904 throttled once, 905 no receipt');
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await smsc.close();
  return 0;
}
