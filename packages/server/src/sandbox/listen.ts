// Start a simulator's server on a port (0: a free one) and report the port it got.
import type net from 'node:net';

export async function listenOn(
  server: Pick<net.Server, 'listen' | 'once' | 'off' | 'address'>,
  port = 0,
  host = '127.0.0.1',
): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}
