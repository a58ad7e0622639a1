// Template parameters against Meta's definitions, and the body text rendered for SMS fallback.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  placeholders,
  renderTemplateText,
  templateParameterCheck,
  type TemplateDefinitionComponent,
} from './templates.ts';
import type { TemplateComponentInput } from './outbound.ts';

const orderUpdate: TemplateDefinitionComponent[] = [
  { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
  { type: 'BODY', text: 'Hi {{1}}, your order {{2}} ships on {{3}}. Total {{2}}? No: {{4}}.' },
  { type: 'FOOTER', text: 'Reply STOP to opt out' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: 'Stop' },
      { type: 'URL', text: 'Track', url: 'https://track.example/{{1}}' },
      { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+4930123456' },
    ],
  },
];

const text = (...values: string[]) => values.map((v) => ({ type: 'text' as const, text: v }));
const full: TemplateComponentInput[] = [
  { type: 'header', parameters: text('A-17') },
  {
    type: 'body',
    parameters: [
      ...text('Ada', 'A-17'),
      { type: 'date_time', dateTime: { fallbackValue: 'May 1' } },
      { type: 'currency', currency: { fallbackValue: '€12.50', code: 'EUR', amount1000: 12500 } },
    ],
  },
  { type: 'button', subType: 'url', index: 1, parameters: text('A-17') },
];

describe('templateParameterCheck', () => {
  it('accepts one parameter per distinct placeholder in header, body and URL button', () => {
    assert.deepEqual(placeholders('{{1}} {{2}} {{1}}'), ['1', '2']);
    assert.deepEqual(templateParameterCheck(orderUpdate, full), []);
    assert.deepEqual(
      templateParameterCheck(orderUpdate, [
        ...full,
        { type: 'button', subType: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'STOP' }] },
      ]),
      [],
    );
  });

  it('reports a body with too few or too many parameters at its parameters', () => {
    const few = [full[0]!, { type: 'body' as const, parameters: text('Ada', 'A-17', 'May 1') }, full[2]!];
    assert.deepEqual(templateParameterCheck(orderUpdate, few), [
      {
        pointer: '/template/components/1/parameters',
        detail: "the template's body has 4 placeholders, 3 parameters given",
      },
    ]);
    const many = [full[0]!, { type: 'body' as const, parameters: text('a', 'b', 'c', 'd', 'e') }, full[2]!];
    assert.equal(templateParameterCheck(orderUpdate, many)[0]?.pointer, '/template/components/1/parameters');
  });

  it('reports components the template needs but were not given', () => {
    assert.deepEqual(
      templateParameterCheck(orderUpdate, []).map((e) => e.detail),
      [
        "the template's header needs 1 text parameter",
        "the template's body needs 4 parameters",
        "the template's button 1 (URL) needs 1 text parameter",
      ],
    );
  });

  it('reports parameters for what the template does not have', () => {
    const bodyOnly: TemplateDefinitionComponent[] = [{ type: 'BODY', text: 'Your code is {{1}}' }];
    assert.deepEqual(
      templateParameterCheck(bodyOnly, [
        { type: 'body', parameters: text('123456') },
        { type: 'header', parameters: text('x') },
      ]),
      [{ pointer: '/template/components/1', detail: 'the template has no header' }],
    );
    assert.equal(
      templateParameterCheck(orderUpdate, [
        ...full,
        { type: 'button', subType: 'url', index: 5, parameters: text('x') },
      ]).at(-1)?.pointer,
      '/template/components/3/index',
    );
    assert.match(
      templateParameterCheck(orderUpdate, [...full, { type: 'button', subType: 'url', index: 2, parameters: [] }]).at(
        -1,
      )!.detail,
      /PHONE_NUMBER: it takes no parameters/,
    );
    assert.equal(
      templateParameterCheck(orderUpdate, [...full, { type: 'body', parameters: [] }]).at(-1)?.detail,
      'body is given twice',
    );
  });

  it('wants the matching media parameter for a media header', () => {
    const withImage: TemplateDefinitionComponent[] = [
      { type: 'HEADER', format: 'IMAGE' },
      { type: 'BODY', text: 'New arrivals' },
    ];
    assert.deepEqual(
      templateParameterCheck(withImage, [{ type: 'header', parameters: [{ type: 'image', image: { id: '1' } }] }]),
      [],
    );
    assert.equal(
      templateParameterCheck(withImage, [{ type: 'header', parameters: [{ type: 'video', video: { id: '1' } }] }])[0]
        ?.pointer,
      '/template/components/0/parameters',
    );
    assert.equal(templateParameterCheck(withImage, [])[0]?.detail, "the template's header needs an image parameter");
  });

  it('matches named parameters by name', () => {
    const named: TemplateDefinitionComponent[] = [{ type: 'BODY', text: 'Hi {{first_name}}, order {{order_id}}' }];
    assert.deepEqual(
      templateParameterCheck(named, [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'A-1', parameterName: 'order_id' },
            { type: 'text', text: 'Ada', parameterName: 'first_name' },
          ],
        },
      ]),
      [],
    );
    assert.deepEqual(
      templateParameterCheck(named, [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'A-1', parameterName: 'order' },
            { type: 'text', text: 'Ada' },
          ],
        },
      ]).map((e) => e.pointer),
      ['/template/components/0/parameters/0/parameterName', '/template/components/0/parameters/1/parameterName'],
    );
  });
});

describe('renderTemplateText', () => {
  it('fills positional placeholders wherever they appear, currency and dates by fallback value', () => {
    assert.equal(
      renderTemplateText(orderUpdate, full),
      'Hi Ada, your order A-17 ships on May 1. Total A-17? No: €12.50.',
    );
  });

  it('fills named placeholders by name and leaves unknown ones as written', () => {
    const named: TemplateDefinitionComponent[] = [{ type: 'BODY', text: 'Hi {{first_name}}, see {{ link }}' }];
    assert.equal(
      renderTemplateText(named, [
        { type: 'body', parameters: [{ type: 'text', text: 'Ada', parameterName: 'first_name' }] },
      ]),
      'Hi Ada, see {{ link }}',
    );
    assert.equal(renderTemplateText([{ type: 'HEADER', format: 'TEXT', text: 'x' }]), '');
    assert.equal(
      renderTemplateText(
        [{ type: 'BODY', text: 'Your code is {{1}}' }],
        [{ type: 'body', parameters: text('123456') }],
      ),
      'Your code is 123456',
    );
  });
});
