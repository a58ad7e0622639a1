// The message log: server-side filters and pages (never the whole history), kept in the URL so
// a filtered view can be shared and survives a reload.
import { Link, useSearchParams } from 'react-router';
import { usePaged } from '../hooks.ts';
import { TextPreview } from '../message-text.tsx';
import { MESSAGE_STATUSES } from '../types.ts';
import { FilterForm, Input, ListTable, PageHeader, Select, StatusBadge, dateTime } from '../ui.tsx';

const FILTERS = ['status', 'to', 'channel', 'direction', 'fromDate', 'toDate'] as const;

/** A date input means that whole local day: from its midnight to the next. */
function dayBound(date: string | null, nextDay: boolean): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + (nextDay ? 1 : 0)).toISOString();
}

export function MessageLog() {
  const [params] = useSearchParams();
  const value = (k: string) => params.get(k) ?? '';
  const list = usePaged(
    '/v1/messages',
    {
      status: value('status'),
      to: value('to'),
      channel: value('channel'),
      direction: value('direction'),
      createdAfter: dayBound(params.get('fromDate'), false),
      createdBefore: dayBound(params.get('toDate'), true),
    },
    50,
  );

  return (
    <>
      <PageHeader title="Message log" />
      <FilterForm label="Filter messages" fields={FILTERS}>
        <Select label="Status" name="status" defaultValue={value('status')} problem={list.problem}>
          <option value="">Any</option>
          {MESSAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
        <Input
          label="To"
          name="to"
          type="tel"
          defaultValue={value('to')}
          placeholder="+4915112345678"
          problem={list.problem}
        />
        <Select label="Channel" name="channel" defaultValue={value('channel')}>
          <option value="">Any</option>
          <option value="sms">SMS</option>
          <option value="whatsapp">WhatsApp</option>
        </Select>
        <Select label="Direction" name="direction" defaultValue={value('direction')}>
          <option value="">Any</option>
          <option value="outbound">Outbound</option>
          <option value="inbound">Inbound</option>
        </Select>
        <Input label="From date" name="fromDate" type="date" defaultValue={value('fromDate')} />
        <Input label="To date" name="toDate" type="date" defaultValue={value('toDate')} />
      </FilterForm>
      <ListTable
        list={list}
        caption="Messages"
        empty={params.size ? 'No message matches these filters.' : 'No messages yet. Send one to see it here.'}
        head={
          <>
            <th>Created</th>
            <th>Status</th>
            <th>Channel</th>
            <th>To</th>
            <th>Text</th>
            <th>From</th>
            <th>Parts</th>
            <th>
              <span className="visually-hidden">Details</span>
            </th>
          </>
        }
        row={(m) => (
          <tr key={m.id}>
            <td>{dateTime(m.createdAt)}</td>
            <td>
              <StatusBadge status={m.status} />
            </td>
            <td>
              {m.channel} {m.direction === 'inbound' ? '↓' : '↑'}
              <span className="visually-hidden">{m.direction}</span>
            </td>
            <td>{m.to}</td>
            <td>
              <TextPreview message={m} />
            </td>
            <td>{m.from ?? '—'}</td>
            <td>{m.segments ?? '—'}</td>
            <td>
              <Link
                to={`/messages/${m.id}`}
                aria-label={`Details of the message to ${m.to} at ${dateTime(m.createdAt)}`}
              >
                Details
              </Link>
            </td>
          </tr>
        )}
      />
    </>
  );
}
