// A contact's attributes as the portal edits them: one `key: value` per line. Values are strings
// unless the attribute already held a number or a boolean and the new text still reads as one,
// so a postal code typed as 01067 stays "01067" while an existing `orders: 3` stays a number.
import { formProblem } from '../../api.ts';
import type { Contact } from '../../types.ts';

type Attributes = Contact['attributes'];

export const attributesText = (attributes: Attributes): string =>
  Object.entries(attributes)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join('\n');

export function parseAttributes(text: string, previous: Attributes): Attributes {
  const result: Attributes = {};
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!key) return problems.push(`line ${i + 1}: write it as "key: value"`);
    if (key in result) return problems.push(`line ${i + 1}: "${key}" is given twice`);
    result[key] = typed(line.slice(colon + 1).trim(), previous[key]);
  });
  if (problems.length > 0) {
    throw formProblem({
      title: 'The attributes could not be read',
      errors: [{ pointer: '/attributes', detail: problems.join('; ') }],
    });
  }
  return result;
}

function typed(value: string, before: Attributes[string] | undefined): Attributes[string] {
  if (typeof before === 'number' && value !== '' && Number.isFinite(Number(value))) return Number(value);
  if (typeof before === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
