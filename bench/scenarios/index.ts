// Every benchmark scenario, in the order `npm run bench` runs them.
import type { Scenario } from './load.ts';
import { authenticatedGet } from './authenticated-get.ts';
import { batchAccept, singleAccept } from './accept.ts';
import { endToEnd } from './end-to-end.ts';
import { webhooks } from './webhooks.ts';
import { fraudCost } from './fraud.ts';
import { whatsapp } from './whatsapp.ts';
import { portalLists } from './portal-lists.ts';
import { memorySoak } from './memory-soak.ts';
import { workerScaling } from './worker-scaling.ts';

export const SCENARIOS: Scenario[] = [
  authenticatedGet,
  singleAccept,
  batchAccept,
  endToEnd,
  webhooks,
  whatsapp,
  fraudCost,
  portalLists,
];

/** Run only when named: `memory-soak` (ten minutes), `worker-scaling` (starts worker processes of its own). */
export const OPT_IN_SCENARIOS: Scenario[] = [memorySoak, workerScaling];
