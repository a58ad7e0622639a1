// Message templates as Meta defines them (the management API's shape, `{{1}}` or `{{name}}`
// placeholders) and the checks Meta would otherwise answer with 132000 "number of parameters
// does not match": done before sending so the caller gets a 422 with a pointer instead.
import type { FieldError } from '../../http/problem.ts';
import type { TemplateComponentInput, TemplateParameter } from './outbound.ts';

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';

export interface TemplateButtonDefinition {
  type: 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'OTP' | 'FLOW';
  text: string;
  url?: string;
  phone_number?: string;
  example?: string[];
}

export type TemplateDefinitionComponent =
  | {
      type: 'HEADER';
      format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';
      text?: string;
      example?: Record<string, unknown>;
    }
  | { type: 'BODY'; text: string; example?: Record<string, unknown> }
  | { type: 'FOOTER'; text: string }
  | { type: 'BUTTONS'; buttons: TemplateButtonDefinition[] };

/** What `POST /{waba-id}/message_templates` takes. */
export interface TemplateDefinition {
  name: string;
  language: string;
  category: TemplateCategory;
  components: TemplateDefinitionComponent[];
  /** NAMED templates use `{{first_name}}`; POSITIONAL (the default) `{{1}}`, `{{2}}`, ... */
  parameter_format?: 'POSITIONAL' | 'NAMED';
}

/** A template as `GET /{waba-id}/message_templates` lists it. */
export interface GraphTemplate extends TemplateDefinition {
  id: string;
  status: TemplateStatus;
  rejected_reason?: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Distinct placeholder names in order of first use: `['1', '2']` or `['first_name']`. */
export function placeholders(text: string | undefined): string[] {
  return [...new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Problems with `given` (our API's components) against Meta's definition: every text header,
 * body and dynamic URL button placeholder needs exactly one parameter, a media header its one
 * media parameter, and nothing may fill what the template does not have. Pointers start at
 * `/template/components`.
 */
export function templateParameterCheck(
  definition: TemplateDefinitionComponent[],
  given: TemplateComponentInput[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  const header = definition.find((c) => c.type === 'HEADER');
  const body = definition.find((c) => c.type === 'BODY');
  const buttons = definition.find((c) => c.type === 'BUTTONS')?.buttons ?? [];
  const at = (type: string, index?: number) =>
    given.findIndex((c) => c.type === type && (index === undefined || c.index === index));
  const missing = (what: string) => errors.push({ pointer: '/template/components', detail: `the template's ${what}` });

  given.forEach((c, i) => {
    const pointer = `/template/components/${i}`;
    if (given.findIndex((o) => o.type === c.type && o.index === c.index) !== i) {
      errors.push({ pointer, detail: `${c.type}${c.index !== undefined ? ` ${c.index}` : ''} is given twice` });
    } else if (c.type === 'header') {
      checkHeader(header, c.parameters, pointer, errors);
    } else if (c.type === 'body') {
      checkTexts(placeholders(body?.text), c.parameters, pointer, 'body', errors);
    } else {
      checkButton(buttons, c, pointer, errors);
    }
  });

  const headerNeeds =
    header && (header.format === 'TEXT' ? placeholders(header.text).length > 0 : header.format !== 'LOCATION');
  if (headerNeeds && at('header') < 0)
    missing(
      `header needs ${header.format === 'TEXT' ? '1 text parameter' : `an ${header.format.toLowerCase()} parameter`}`,
    );
  const bodyNeeds = placeholders(body?.text).length;
  if (bodyNeeds > 0 && at('body') < 0) missing(`body needs ${bodyNeeds} parameter${bodyNeeds === 1 ? '' : 's'}`);
  buttons.forEach((b, index) => {
    if (b.type === 'URL' && placeholders(b.url).length > 0 && at('button', index) < 0)
      missing(`button ${index} (URL) needs 1 text parameter`);
    if (b.type === 'COPY_CODE' && at('button', index) < 0)
      missing(`button ${index} (COPY_CODE) needs a coupon_code parameter`);
  });
  return errors;
}

function checkHeader(
  header: Extract<TemplateDefinitionComponent, { type: 'HEADER' }> | undefined,
  params: TemplateParameter[],
  pointer: string,
  errors: FieldError[],
): void {
  if (!header) return void errors.push({ pointer, detail: 'the template has no header' });
  if (header.format === 'TEXT') return checkTexts(placeholders(header.text), params, pointer, 'header', errors);
  const want = header.format.toLowerCase();
  if (params.length !== 1 || params[0]!.type !== want) {
    errors.push({
      pointer: `${pointer}/parameters`,
      detail: `the template's ${want} header takes exactly one ${want} parameter`,
    });
  }
}

/** Text-like parameters against placeholders: positional by count, named by the set of names. */
function checkTexts(
  names: string[],
  params: TemplateParameter[],
  pointer: string,
  what: string,
  errors: FieldError[],
): void {
  const named = names.length > 0 && names.every((n) => !/^\d+$/.test(n));
  if (params.length !== names.length) {
    return void errors.push({
      pointer: `${pointer}/parameters`,
      detail: `the template's ${what} has ${names.length} placeholder${names.length === 1 ? '' : 's'}, ${params.length} parameter${params.length === 1 ? '' : 's'} given`,
    });
  }
  params.forEach((p, j) => {
    const at = `${pointer}/parameters/${j}`;
    if (p.type !== 'text' && p.type !== 'currency' && p.type !== 'date_time')
      return void errors.push({
        pointer: `${at}/type`,
        detail: `a ${what} placeholder takes text, currency or date_time`,
      });
    if (named && (p.parameterName === undefined || !names.includes(p.parameterName))) {
      errors.push({
        pointer: `${at}/parameterName`,
        detail: `must be one of the template's placeholders: ${names.join(', ')}`,
      });
    }
  });
}

const BUTTON_SUB_TYPE: Partial<Record<TemplateButtonDefinition['type'], 'quick_reply' | 'url' | 'copy_code'>> = {
  QUICK_REPLY: 'quick_reply',
  URL: 'url',
  COPY_CODE: 'copy_code',
};
const BUTTON_PARAMETER = { quick_reply: 'payload', url: 'text', copy_code: 'coupon_code' } as const;

function checkButton(
  buttons: TemplateButtonDefinition[],
  c: TemplateComponentInput,
  pointer: string,
  errors: FieldError[],
): void {
  const def = c.index === undefined ? undefined : buttons[c.index];
  if (!def)
    return void errors.push({
      pointer: `${pointer}/index`,
      detail: `the template has no button ${c.index ?? '(index missing)'}`,
    });
  const expected = BUTTON_SUB_TYPE[def.type];
  if (!expected || c.subType !== expected) {
    return void errors.push({
      pointer: `${pointer}/subType`,
      detail: `button ${c.index} is ${def.type}: ${expected ? `subType must be ${expected}` : 'it takes no parameters'}`,
    });
  }
  const want = BUTTON_PARAMETER[expected];
  const count = expected === 'url' ? placeholders(def.url).length : 1;
  if (c.parameters.length !== count || c.parameters.some((p) => p.type !== want)) {
    errors.push({
      pointer: `${pointer}/parameters`,
      detail: `button ${c.index} takes ${count === 0 ? 'no parameters' : `exactly one ${want} parameter`}`,
    });
  }
}

/**
 * The body's text with its placeholders filled, e.g. as the SMS fallback of a template: text
 * parameters as given, currency and date_time by their fallback value. Positional templates
 * fill by order, named ones by `parameterName`. Assumes templateParameterCheck passed; a
 * placeholder without a parameter is left as written.
 */
export function renderTemplateText(
  definition: TemplateDefinitionComponent[],
  components: TemplateComponentInput[] = [],
): string {
  const body = definition.find((c) => c.type === 'BODY');
  if (!body) return '';
  const params = components.find((c) => c.type === 'body')?.parameters ?? [];
  const values = new Map<string, string>();
  params.forEach((p, i) => {
    const text = parameterText(p);
    // Positional parameter i fills {{i+1}} wherever it appears, in whatever order.
    if (text !== undefined)
      values.set('parameterName' in p && p.parameterName !== undefined ? p.parameterName : String(i + 1), text);
  });
  return body.text.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
}

function parameterText(p: TemplateParameter): string | undefined {
  if (p.type === 'text') return p.text;
  if (p.type === 'currency') return p.currency.fallbackValue;
  if (p.type === 'date_time') return p.dateTime.fallbackValue;
  return undefined;
}
