// A CSV of contacts as the import API takes it. Known headers (any case, spaces or underscores)
// fill the contact's fields; every other column becomes a text attribute. Empty cells are left
// out, so a re-import never blanks a field. Line numbers are kept for error messages.
import Papa from 'papaparse';

export interface ImportRow {
  phone?: string;
  name?: string;
  email?: string;
  whatsappId?: string;
  tags?: string[];
  attributes?: Record<string, string>;
}

const FIELDS: Record<string, keyof Omit<ImportRow, 'attributes'>> = {
  phone: 'phone',
  number: 'phone',
  mobile: 'phone',
  msisdn: 'phone',
  name: 'name',
  email: 'email',
  whatsappid: 'whatsappId',
  whatsapp: 'whatsappId',
  tags: 'tags',
};

export interface ParsedCsv {
  rows: ImportRow[];
  /** The file's line of each row (the header is line 1). */
  lines: number[];
  /** Headers that became attributes. */
  attributeColumns: string[];
}

export function parseContactsCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const [header = [], ...records] = parsed.data;
  const columns = header.map((h) => h.trim());
  const field = (h: string) => FIELDS[h.toLowerCase().replace(/[\s_-]/g, '')];
  const rows: ImportRow[] = [];
  const lines: number[] = [];
  records.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row: ImportRow = {};
    columns.forEach((column, j) => {
      const value = (cells[j] ?? '').trim();
      if (!value || !column) return;
      const key = field(column);
      if (key === 'tags')
        row.tags = value
          .split(/[,;|]/)
          .map((t) => t.trim())
          .filter(Boolean);
      else if (key) row[key] = value;
      else (row.attributes ??= {})[column] = value;
    });
    rows.push(row);
    lines.push(i + 2);
  });
  return { rows, lines, attributeColumns: columns.filter((c) => c && !field(c)) };
}
