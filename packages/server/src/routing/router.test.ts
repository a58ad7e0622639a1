import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createPrefixRouter, orderTargets } from './router.ts';

const at = new Date();
const routes = [
  {
    id: 'r1',
    prefix: '+',
    accountId: null,
    connectors: [{ connectorId: 'world', priority: 0, weight: 1 }],
    createdAt: at,
  },
  {
    id: 'r2',
    prefix: '+49',
    accountId: null,
    connectors: [
      { connectorId: 'de-a', priority: 1, weight: 1 },
      { connectorId: 'de-b', priority: 2, weight: 1 },
    ],
    createdAt: at,
  },
  {
    id: 'r3',
    prefix: '+49151',
    accountId: null,
    connectors: [{ connectorId: 'telekom', priority: 0, weight: 1 }],
    createdAt: at,
  },
  {
    id: 'r4',
    prefix: '+49',
    accountId: 'acc_vip',
    connectors: [{ connectorId: 'premium', priority: 0, weight: 1 }],
    createdAt: at,
  },
];
const router = createPrefixRouter(routes, { sandboxId: 'sandbox', isSandbox: (id) => id === 'sandbox' });

it('picks the longest matching prefix', () => {
  assert.deepEqual(router.route({ accountId: 'acc_x', to: '+4915112345678', sandboxOnly: false }), ['telekom']);
  assert.deepEqual(router.route({ accountId: 'acc_x', to: '+4917012345678', sandboxOnly: false }), ['de-a', 'de-b']);
  assert.deepEqual(router.route({ accountId: 'acc_x', to: '+33612345678', sandboxOnly: false }), ['world']);
});

it("prefers an account's own route over the global one of the same prefix", () => {
  assert.deepEqual(router.route({ accountId: 'acc_vip', to: '+4917012345678', sandboxOnly: false }), ['premium']);
});

it('sends test traffic only to the sandbox connector', () => {
  assert.deepEqual(router.route({ accountId: 'acc_x', to: '+4915112345678', sandboxOnly: true }), ['sandbox']);
});

it('orders by priority, spreading equal priorities by weight', () => {
  const targets = [
    { connectorId: 'a', priority: 0, weight: 3 },
    { connectorId: 'b', priority: 0, weight: 1 },
    { connectorId: 'c', priority: 5, weight: 1 },
  ];
  let firstA = 0;
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 4000; i++) {
    const order = orderTargets(targets, random);
    assert.equal(order[2], 'c');
    if (order[0] === 'a') firstA++;
  }
  assert.ok(firstA > 2700 && firstA < 3300, `a first about 3 times in 4, got ${firstA}/4000`);
});
