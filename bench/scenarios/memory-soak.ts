// Memory under sustained load (role all, the whole pipeline: accept, dispatch to the sandbox
// SMSC, receipts): single accepts for BENCH_SOAK_SECONDS (default 600) while the RSS of each
// cx-engage Node process (the API and its worker process) is sampled every 10 s. Prints each
// process's peak and its growth after a 2-minute warm-up, in MB per minute (least squares), the
// figures the message engine issue asks for (< 1 MB/min, peak <= 400 MB). Opt-in: it takes
// ten minutes (`npm run bench memory-soak`).
import autocannon from 'autocannon';
import { serverRssMB, spreadNumber, type Scenario } from './load.ts';
import { childProcesses } from '../../packages/server/test/processes.ts';

const SAMPLE_EVERY_MS = 10_000;
const WARM_UP_MS = 120_000;

export const memorySoak: Scenario = {
  name: 'memory-soak',
  connections: 32,
  async run(t) {
    const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
    const pids = [t.serverPid, ...childProcesses(t.serverPid, 'cli.ts').map((p) => p.pid)];
    const samples = new Map<number, { atMs: number; mb: number }[]>(pids.map((p) => [p, []]));
    const started = Date.now();
    const sample = async () => {
      for (const pid of pids)
        samples.get(pid)!.push({ atMs: Date.now() - started, mb: await serverRssMB(pid).catch(() => NaN) });
    };
    await sample();
    const timer = setInterval(() => void sample(), SAMPLE_EVERY_MS);
    let sent = 0;
    const result = await autocannon({
      url: `${t.url}/v1/messages`,
      method: 'POST',
      connections: t.connections,
      duration: seconds,
      headers: { authorization: `Bearer ${t.boot.apiKey}`, 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            body: JSON.stringify({ to: spreadNumber('+49151', sent++), body: 'Soak test' }),
          }),
        },
      ],
    });
    clearInterval(timer);
    await sample();
    const processes = pids.map((pid) => {
      const s = samples.get(pid)!.filter((x) => Number.isFinite(x.mb));
      const settled = s.filter((x) => x.atMs >= WARM_UP_MS);
      return {
        pid,
        role: pid === t.serverPid ? 'api' : 'worker',
        peakMB: Math.max(...s.map((x) => x.mb)),
        slopeMBPerMinute: settled.length >= 3 ? Math.round(slope(settled) * 60_000 * 100) / 100 : null,
        rssMB: s.map((x) => x.mb),
      };
    });
    return {
      seconds,
      requestsPerSecond: Math.round(result.requests.average),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      processes,
    };
  },
};

/** Least-squares slope of MB over ms. */
function slope(points: { atMs: number; mb: number }[]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.atMs, 0) / n;
  const my = points.reduce((a, p) => a + p.mb, 0) / n;
  const num = points.reduce((a, p) => a + (p.atMs - mx) * (p.mb - my), 0);
  const den = points.reduce((a, p) => a + (p.atMs - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
