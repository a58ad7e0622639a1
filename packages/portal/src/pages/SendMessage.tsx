// Send one SMS or WhatsApp text, with a live encoding and part counter for SMS.
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { can, useMe } from '../session.tsx';
import { smsCount } from '../sms-count.ts';
import type { Message } from '../types.ts';
import { Input, Notice, PageHeader, ProblemAlert, Select, StatusBadge, TextArea, text, useSubmit } from '../ui.tsx';

const WHATSAPP_MAX = 4096;

export function SendMessage() {
  const me = useMe();
  const [channel, setChannel] = useState<'sms' | 'whatsapp'>('sms');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<Message>();
  const numbers = useLoad(can(me, 'numbers:read') ? '/v1/numbers' : null);
  const senders = (numbers.data?.data ?? []).filter((n) => n.channels.includes(channel));
  const count = smsCount(body);

  const form = useSubmit(async (f) => {
    const from = text(f, 'from');
    const message = await api('post', '/v1/messages', {
      body: { channel, to: text(f, 'to'), body, ...(from && { from }) },
    });
    setSent(message);
    setBody('');
  });

  return (
    <>
      <PageHeader title="Send a message" />
      {sent && (
        <Notice tone="success">
          Message accepted: <StatusBadge status={sent.status} />{' '}
          <Link to={`/messages/${sent.id}`}>Follow its status</Link>
        </Notice>
      )}
      <form className="card" onSubmit={form.onSubmit} noValidate>
        <ProblemAlert problem={form.problem} />
        <Select
          label="Channel"
          name="channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value as 'sms' | 'whatsapp')}
          problem={form.problem}
        >
          <option value="sms">SMS</option>
          <option value="whatsapp">WhatsApp</option>
        </Select>
        <Input
          label="To"
          name="to"
          type="tel"
          autoComplete="off"
          placeholder="+4915112345678"
          required
          problem={form.problem}
          hint="In international format, starting with +."
        />
        <Select label="From" name="from" problem={form.problem} hint="Leave as is to use the account's default sender.">
          <option value="">Default sender</option>
          {senders.map((n) => (
            <option key={n.id} value={n.number}>
              {n.number}
              {n.sandbox ? ' (sandbox)' : ''}
            </option>
          ))}
        </Select>
        <TextArea
          label="Message"
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
          problem={form.problem}
        />
        {channel === 'sms' ? (
          <p className="counter" aria-live="polite" data-testid="sms-counter">
            <span>
              Encoding <strong>{count.encoding}</strong>
            </span>
            <span>
              <strong>{count.units}</strong> {count.encoding === 'GSM-7' ? 'characters' : 'code units'}
            </span>
            <span>
              <strong>{count.segments}</strong> {count.segments === 1 ? 'part' : 'parts'} of {count.perSegment}
            </span>
            <span>{count.remaining} left in this part</span>
          </p>
        ) : (
          <p className="counter" aria-live="polite">
            {body.length} of {WHATSAPP_MAX} characters
          </p>
        )}
        <button type="submit" className="primary" disabled={form.busy}>
          Send
        </button>
      </form>
    </>
  );
}
