// The cheapest authenticated request: key lookup, scope check, rate limits, one account row.
import { load, type Scenario } from './load.ts';

export const authenticatedGet: Scenario = {
  name: 'authenticated-get',
  connections: 50,
  run: (t) => load(t, { method: 'GET', path: '/v1/account' }),
};
