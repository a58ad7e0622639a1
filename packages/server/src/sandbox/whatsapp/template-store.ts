// Message templates per WABA, in memory, with Meta's lifecycle: created PENDING, reviewed
// after a delay (APPROVED, or REJECTED for names starting `reject_`), each change announced
// by a `message_template_status_update` webhook. Listing pages with cursors like Graph does.
import type { GraphTemplate, TemplateStatus } from '../../channels/whatsapp/templates.ts';
import { invalidParameter, MetaError, obj, str, type Json } from './http.ts';

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const DEFAULT_PAGE = 25;

export interface TemplateStore {
  create(wabaId: string, body: unknown): { id: string; status: TemplateStatus; category: string };
  /** `pageUrl(after)` builds the `paging.next` URL for the same query. */
  list(
    wabaId: string,
    query: URLSearchParams,
    pageUrl: (after: string) => string,
  ): { data: GraphTemplate[]; paging: Json };
  remove(wabaId: string, name: string): void;
  /** The template a send names, in the phone number's WABA (or any WABA when the number is not configured). */
  find(wabaId: string | undefined, name: string, language: string): GraphTemplate | undefined;
  add(wabaId: string, def: Omit<GraphTemplate, 'id' | 'status'>, status?: TemplateStatus): GraphTemplate;
  setStatus(wabaId: string, name: string, status: TemplateStatus, reason?: string): void;
  all(wabaId?: string): GraphTemplate[];
  close(): void;
}

export function createTemplateStore(opts: {
  approvalDelayMs: number;
  onStatus: (wabaId: string, t: GraphTemplate, reason: string) => void;
}): TemplateStore {
  const byWaba = new Map<string, GraphTemplate[]>();
  const timers = new Set<NodeJS.Timeout>();
  let nextId = 1_000_000_000_000;

  const listOf = (wabaId: string) => byWaba.get(wabaId) ?? byWaba.set(wabaId, []).get(wabaId)!;

  function change(wabaId: string, t: GraphTemplate, status: TemplateStatus, reason: string): void {
    t.status = status;
    if (status === 'REJECTED') t.rejected_reason = reason;
    else delete t.rejected_reason;
    opts.onStatus(wabaId, t, reason);
  }

  function add(
    wabaId: string,
    def: Omit<GraphTemplate, 'id' | 'status'>,
    status: TemplateStatus = 'APPROVED',
  ): GraphTemplate {
    const t: GraphTemplate = { ...structuredClone(def), id: String(nextId++), status };
    listOf(wabaId).push(t);
    return t;
  }

  return {
    create(wabaId, body) {
      const def = checkDefinition(body);
      if (listOf(wabaId).some((t) => t.name === def.name && t.language === def.language)) {
        throw new MetaError(400, 100, 'Invalid parameter', {
          subcode: 2388024,
          details: `Content in ${def.language} already exists for the template ${def.name}`,
        });
      }
      const t = add(wabaId, def, 'PENDING');
      // Review: with the default delay of 0 the template is approved on the next tick.
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!listOf(wabaId).includes(t)) return;
        if (t.name.startsWith('reject_')) change(wabaId, t, 'REJECTED', 'INVALID_FORMAT');
        else change(wabaId, t, 'APPROVED', 'NONE');
      }, opts.approvalDelayMs);
      timers.add(timer);
      return { id: t.id, status: t.status, category: t.category };
    },

    list(wabaId, query, pageUrl) {
      const status = query.get('status');
      const name = query.get('name');
      const all = listOf(wabaId).filter((t) => (!status || t.status === status) && (!name || t.name.includes(name)));
      const limit = Math.min(Math.max(Number(query.get('limit')) || DEFAULT_PAGE, 1), 1000);
      const cursorText = query.get('after') ? Buffer.from(query.get('after')!, 'base64url').toString() : '0';
      if (!/^\d+$/.test(cursorText)) throw invalidParameter('Invalid cursor');
      const start = Number(cursorText);
      const data = all.slice(start, start + limit);
      const cursor = (i: number) => Buffer.from(String(i)).toString('base64url');
      const after = cursor(start + data.length);
      return {
        data: structuredClone(data),
        paging: {
          cursors: { before: cursor(start), after },
          ...(start + data.length < all.length && { next: pageUrl(after) }),
        },
      };
    },

    remove(wabaId, name) {
      const list = listOf(wabaId);
      if (!list.some((t) => t.name === name))
        throw new MetaError(400, 100, 'Invalid parameter', {
          subcode: 2593002,
          details: `Message template "${name}" not found`,
        });
      byWaba.set(
        wabaId,
        list.filter((t) => t.name !== name),
      );
    },

    find(wabaId, name, language) {
      const lists = wabaId !== undefined ? [listOf(wabaId)] : [...byWaba.values()];
      return lists.flat().find((t) => t.name === name && t.language === language);
    },

    add,

    setStatus(wabaId, name, status, reason = 'NONE') {
      for (const t of listOf(wabaId).filter((x) => x.name === name)) change(wabaId, t, status, reason);
    },

    all: (wabaId) => structuredClone(wabaId !== undefined ? listOf(wabaId) : [...byWaba.values()].flat()),

    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/** What Meta checks on creation, in short: a valid name, language, category and a BODY component. */
function checkDefinition(body: unknown): Omit<GraphTemplate, 'id' | 'status'> {
  const b = obj(body);
  const name = str(b?.name);
  const language = str(b?.language);
  const category = str(b?.category);
  if (!name || !/^[a-z0-9_]{1,512}$/.test(name))
    throw invalidParameter('name must be lowercase letters, digits and underscores');
  if (!language) throw invalidParameter('language is required');
  if (!category || !CATEGORIES.includes(category))
    throw invalidParameter(`category must be one of ${CATEGORIES.join(', ')}`);
  const components = Array.isArray(b?.components) ? b.components : undefined;
  if (!components?.some((c) => obj(c)?.type === 'BODY' && typeof obj(c)?.text === 'string')) {
    throw invalidParameter('components must include a BODY with text');
  }
  return b as unknown as Omit<GraphTemplate, 'id' | 'status'>;
}
