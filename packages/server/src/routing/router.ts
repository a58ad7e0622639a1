// Routing decides which connectors may carry a message, in order of preference. The prefix
// table is one implementation of `Router`; a number-portability or MCC/MNC lookup can be
// another, behind the same interface.
import type { RouteRow, RouteTarget } from './routes-store.ts';

export interface RouteRequest {
  accountId: string;
  to: string;
  /** Test keys only ever reach sandbox connectors. */
  sandboxOnly: boolean;
}

export interface Router {
  /** Connector ids, most preferred first (failover walks this list). */
  route(req: RouteRequest): string[];
}

export interface ConnectorFacts {
  isSandbox(connectorId: string): boolean;
}

export function createPrefixRouter(
  routes: RouteRow[],
  connectors: ConnectorFacts & { sandboxId: string | null },
  random: () => number = Math.random,
): Router {
  // Longest prefix first; for equal prefixes an account's own route beats the global one.
  const sorted = [...routes].sort(
    (a, b) => b.prefix.length - a.prefix.length || Number(b.accountId !== null) - Number(a.accountId !== null),
  );
  return {
    route(req) {
      if (req.sandboxOnly) return connectors.sandboxId ? [connectors.sandboxId] : [];
      const match = sorted.find(
        (r) => req.to.startsWith(r.prefix) && (r.accountId === null || r.accountId === req.accountId),
      );
      return match ? orderTargets(match.connectors, random) : [];
    },
  };
}

/** Lower priority first; within one priority, a weighted random order spreads the load. */
export function orderTargets(targets: RouteTarget[], random: () => number): string[] {
  const byPriority = new Map<number, RouteTarget[]>();
  for (const t of targets) byPriority.set(t.priority, [...(byPriority.get(t.priority) ?? []), t]);
  const out: string[] = [];
  for (const priority of [...byPriority.keys()].sort((a, b) => a - b)) {
    const group = [...byPriority.get(priority)!];
    while (group.length > 0) {
      const total = group.reduce((s, t) => s + t.weight, 0);
      let pick = random() * total;
      const i = group.findIndex((t) => (pick -= t.weight) < 0);
      out.push(group.splice(i < 0 ? group.length - 1 : i, 1)[0]!.connectorId);
    }
  }
  return out;
}
