// WhatsApp's limits checked before sending, so the caller gets a 422 with JSON pointers rather
// than a failed message minutes later. Limits from Meta's Cloud API reference (messages
// object, interactive object, template parameters). Lengths count Unicode code points.
// Input is untrusted JSON: every shape is checked, not assumed from the TypeScript types.
import type { FieldError } from '../../http/problem.ts';
import { CONTENT_FIELDS } from './outbound.ts';

type Json = Record<string, unknown>;

export const LIMITS = {
  textBody: 4096,
  caption: 1024,
  interactiveBody: 1024,
  headerOrFooter: 60,
  replyButtons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listSections: 10,
  listRows: 10,
  listButton: 20,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  sectionTitle: 24,
  templateName: 512,
  headerParameter: 60,
  /** Body parameters when the template has other components; 32768 for a body-only template. */
  bodyParameter: 1024,
  bodyOnlyParameter: 32768,
  couponCode: 15,
} as const;

const MEDIA_KINDS = ['image', 'document', 'audio', 'video', 'sticker'];
const CAPTIONED = ['image', 'video', 'document'];

/** Problems with the WhatsApp part of a message body; pointers are relative to its root. */
export function validateWhatsAppContent(input: unknown): FieldError[] {
  if (!isObject(input)) return [{ pointer: '', detail: 'must be an object' }];
  const present = CONTENT_FIELDS.filter((f) => input[f] !== undefined);
  if (present.length === 0) return [{ pointer: '', detail: `one of ${CONTENT_FIELDS.join(', ')} is required` }];
  if (present.length > 1) {
    return present.slice(1).map((f) => ({
      pointer: `/${f}`,
      detail: `cannot be combined with ${present[0]}: a WhatsApp message has exactly one kind`,
    }));
  }
  const v = new Checker();
  if (input.previewUrl !== undefined && (present[0] !== 'body' || typeof input.previewUrl !== 'boolean')) {
    v.fail('/previewUrl', 'must be a boolean, and only with body');
  }
  switch (present[0]!) {
    case 'body':
      v.text('/body', input.body, 1, LIMITS.textBody);
      break;
    case 'template':
      template(v, input.template);
      break;
    case 'media':
      media(v, input.media);
      break;
    case 'interactive':
      interactive(v, input.interactive);
      break;
    case 'reaction':
      reaction(v, input.reaction);
      break;
    case 'location':
      location(v, input.location);
      break;
  }
  return v.errors;
}

class Checker {
  readonly errors: FieldError[] = [];
  fail(pointer: string, detail: string): false {
    this.errors.push({ pointer, detail });
    return false;
  }
  object(pointer: string, value: unknown): value is Json {
    return isObject(value) || this.fail(pointer, 'must be an object');
  }
  array(pointer: string, value: unknown, min: number, max: number): value is unknown[] {
    if (!Array.isArray(value)) return this.fail(pointer, 'must be an array');
    if (value.length < min || value.length > max)
      return this.fail(pointer, min === max ? `must have exactly ${min} items` : `must have ${min} to ${max} items`);
    return true;
  }
  text(pointer: string, value: unknown, min: number, max: number): value is string {
    if (typeof value !== 'string') return this.fail(pointer, 'must be a string');
    const n = [...value].length;
    if (n < min || n > max)
      return this.fail(
        pointer,
        n < min
          ? min === 1
            ? 'must not be empty'
            : `must have at least ${min} characters`
          : `must be at most ${max} characters (is ${n})`,
      );
    return true;
  }
  optionalText(pointer: string, value: unknown, max: number): void {
    if (value !== undefined) this.text(pointer, value, 1, max);
  }
  number(pointer: string, value: unknown, min: number, max: number): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(pointer, 'must be a number');
    else if (value < min || value > max) this.fail(pointer, `must be between ${min} and ${max}`);
  }
  oneOf(pointer: string, value: unknown, allowed: readonly string[]): value is string {
    return (
      (typeof value === 'string' && allowed.includes(value)) ||
      this.fail(pointer, `must be one of ${allowed.join(', ')}`)
    );
  }
  /** Exactly one of `url` (https, fetched by Meta) or `id` (uploaded to Meta first). */
  mediaRef(pointer: string, m: Json): void {
    if ((m.url === undefined) === (m.id === undefined))
      return void this.fail(pointer, 'needs exactly one of url or id');
    if (m.id !== undefined) return void this.text(`${pointer}/id`, m.id, 1, 256);
    if (!this.text(`${pointer}/url`, m.url, 1, 2048)) return;
    if (!URL.canParse(m.url) || new URL(m.url).protocol !== 'https:')
      this.fail(`${pointer}/url`, 'must be an https URL');
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function media(v: Checker, m: unknown): void {
  if (!v.object('/media', m) || !v.oneOf('/media/kind', m.kind, MEDIA_KINDS)) return;
  v.mediaRef('/media', m);
  if (m.caption !== undefined) {
    if (CAPTIONED.includes(m.kind)) v.text('/media/caption', m.caption, 1, LIMITS.caption);
    else v.fail('/media/caption', `a ${m.kind} has no caption`);
  }
  if (m.filename !== undefined) {
    if (m.kind === 'document') v.text('/media/filename', m.filename, 1, 240);
    else v.fail('/media/filename', 'only a document has a filename');
  }
}

function reaction(v: Checker, r: unknown): void {
  if (!v.object('/reaction', r)) return;
  v.text('/reaction/messageId', r.messageId, 1, 256);
  if (typeof r.emoji !== 'string') return void v.fail('/reaction/emoji', 'must be a string');
  // One emoji (a single grapheme, which may be a ZWJ sequence or a flag), or '' to remove.
  const graphemes = [...new Intl.Segmenter().segment(r.emoji)];
  if (
    r.emoji !== '' &&
    (graphemes.length !== 1 || !/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(r.emoji))
  ) {
    v.fail('/reaction/emoji', 'must be a single emoji, or empty to remove the reaction');
  }
}

function location(v: Checker, l: unknown): void {
  if (!v.object('/location', l)) return;
  v.number('/location/latitude', l.latitude, -90, 90);
  v.number('/location/longitude', l.longitude, -180, 180);
  v.optionalText('/location/name', l.name, 1000);
  v.optionalText('/location/address', l.address, 1000);
}

function interactive(v: Checker, i: unknown): void {
  const p = '/interactive';
  if (!v.object(p, i) || !v.oneOf(`${p}/type`, i.type, ['button', 'list'])) return;
  if (v.object(`${p}/body`, i.body)) v.text(`${p}/body/text`, i.body.text, 1, LIMITS.interactiveBody);
  if (i.footer !== undefined && v.object(`${p}/footer`, i.footer))
    v.text(`${p}/footer/text`, i.footer.text, 1, LIMITS.headerOrFooter);
  if (i.header !== undefined && v.object(`${p}/header`, i.header)) {
    // List messages take a text header only (Meta: interactive object, header).
    if (
      v.oneOf(`${p}/header/type`, i.header.type, i.type === 'list' ? ['text'] : ['text', 'image', 'video', 'document'])
    ) {
      if (i.header.type === 'text') v.text(`${p}/header/text`, i.header.text, 1, LIMITS.headerOrFooter);
      else v.mediaRef(`${p}/header`, i.header);
    }
  }
  if (!v.object(`${p}/action`, i.action)) return;
  if (i.type === 'button') replyButtons(v, i.action);
  else list(v, i.action);
}

function replyButtons(v: Checker, action: Json): void {
  const p = '/interactive/action';
  if (action.sections !== undefined || action.button !== undefined)
    v.fail(p, 'reply buttons take `buttons`, not `button` or `sections`');
  if (!v.array(`${p}/buttons`, action.buttons, 1, LIMITS.replyButtons)) return;
  const ids = new Set<unknown>();
  action.buttons.forEach((b, n) => {
    if (!v.object(`${p}/buttons/${n}`, b)) return;
    if (v.text(`${p}/buttons/${n}/id`, b.id, 1, LIMITS.buttonId) && ids.has(b.id))
      v.fail(`${p}/buttons/${n}/id`, 'must be unique among the buttons');
    ids.add(b.id);
    v.text(`${p}/buttons/${n}/title`, b.title, 1, LIMITS.buttonTitle);
  });
}

function list(v: Checker, action: Json): void {
  const p = '/interactive/action';
  if (action.buttons !== undefined) v.fail(`${p}/buttons`, 'a list takes `button` and `sections`, not `buttons`');
  v.text(`${p}/button`, action.button, 1, LIMITS.listButton);
  const sections = action.sections;
  if (!v.array(`${p}/sections`, sections, 1, LIMITS.listSections)) return;
  const ids = new Set<unknown>();
  let rows = 0;
  sections.forEach((s, n) => {
    const sp = `${p}/sections/${n}`;
    if (!v.object(sp, s)) return;
    if (s.title !== undefined || sections.length > 1) v.text(`${sp}/title`, s.title, 1, LIMITS.sectionTitle);
    if (!v.array(`${sp}/rows`, s.rows, 1, LIMITS.listRows)) return;
    s.rows.forEach((r, k) => {
      const rp = `${sp}/rows/${k}`;
      rows++;
      if (!v.object(rp, r)) return;
      if (v.text(`${rp}/id`, r.id, 1, LIMITS.rowId) && ids.has(r.id))
        v.fail(`${rp}/id`, 'must be unique across all rows');
      ids.add(r.id);
      v.text(`${rp}/title`, r.title, 1, LIMITS.rowTitle);
      v.optionalText(`${rp}/description`, r.description, LIMITS.rowDescription);
    });
  });
  if (rows > LIMITS.listRows) v.fail(`${p}/sections`, `must have at most ${LIMITS.listRows} rows in all (has ${rows})`);
}

function template(v: Checker, t: unknown): void {
  const p = '/template';
  if (!v.object(p, t)) return;
  if (v.text(`${p}/name`, t.name, 1, LIMITS.templateName) && !/^[a-z0-9_]+$/.test(t.name))
    v.fail(`${p}/name`, 'must be lowercase letters, digits and underscores');
  if (v.text(`${p}/language`, t.language, 2, 15) && !/^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$/.test(t.language))
    v.fail(`${p}/language`, 'must be a language code such as en or en_US');
  if (t.components === undefined || !v.array(`${p}/components`, t.components, 0, 12)) return;
  const others = t.components.some((c) => isObject(c) && c.type !== 'body');
  t.components.forEach((c, n) => {
    const cp = `${p}/components/${n}`;
    if (!v.object(cp, c) || !v.oneOf(`${cp}/type`, c.type, ['header', 'body', 'button'])) return;
    if (c.type === 'button') {
      v.oneOf(`${cp}/subType`, c.subType, ['quick_reply', 'url', 'copy_code']);
      if (!Number.isInteger(c.index) || (c.index as number) < 0 || (c.index as number) > 9)
        v.fail(`${cp}/index`, 'must be an integer from 0 to 9');
    } else if (c.subType !== undefined || c.index !== undefined) {
      v.fail(cp, 'subType and index are for button components only');
    }
    const maxText =
      c.type === 'header'
        ? LIMITS.headerParameter
        : c.type === 'body'
          ? others
            ? LIMITS.bodyParameter
            : LIMITS.bodyOnlyParameter
          : 2000;
    if (v.array(`${cp}/parameters`, c.parameters, 0, 100))
      c.parameters.forEach((x, k) => parameter(v, `${cp}/parameters/${k}`, x, maxText));
  });
}

function parameter(v: Checker, p: string, x: unknown, maxText: number): void {
  if (
    !v.object(p, x) ||
    !v.oneOf(`${p}/type`, x.type, [
      'text',
      'currency',
      'date_time',
      'image',
      'video',
      'document',
      'payload',
      'coupon_code',
    ])
  )
    return;
  if (
    x.parameterName !== undefined &&
    v.text(`${p}/parameterName`, x.parameterName, 1, 64) &&
    !/^[a-z0-9_]+$/.test(x.parameterName)
  ) {
    v.fail(`${p}/parameterName`, 'must be lowercase letters, digits and underscores');
  }
  switch (x.type) {
    case 'text':
      return void v.text(`${p}/text`, x.text, 1, maxText);
    case 'payload':
      return void v.text(`${p}/payload`, x.payload, 1, 1000);
    case 'coupon_code':
      return void v.text(`${p}/couponCode`, x.couponCode, 1, LIMITS.couponCode);
    case 'date_time':
      if (v.object(`${p}/dateTime`, x.dateTime))
        v.text(`${p}/dateTime/fallbackValue`, x.dateTime.fallbackValue, 1, maxText);
      return;
    case 'currency':
      if (!v.object(`${p}/currency`, x.currency)) return;
      v.text(`${p}/currency/fallbackValue`, x.currency.fallbackValue, 1, maxText);
      if (typeof x.currency.code !== 'string' || !/^[A-Z]{3}$/.test(x.currency.code))
        v.fail(`${p}/currency/code`, 'must be an ISO 4217 code such as EUR');
      if (!Number.isSafeInteger(x.currency.amount1000))
        v.fail(`${p}/currency/amount1000`, 'must be an integer: the amount times 1000');
      return;
    default: {
      const m = x[x.type];
      if (v.object(`${p}/${x.type}`, m)) v.mediaRef(`${p}/${x.type}`, m);
    }
  }
}
