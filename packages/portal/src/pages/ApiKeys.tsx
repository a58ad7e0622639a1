// API keys: create (the secret is shown once) and revoke.
import { useState } from 'react';
import { api } from '../api.ts';
import { usePaged } from '../hooks.ts';
import {
  ConfirmButton,
  Input,
  ListTable,
  PageHeader,
  ProblemAlert,
  Section,
  Select,
  chosen,
  dateTime,
  text,
  useSubmit,
} from '../ui.tsx';
import { SecretOnce } from '../components/SecretOnce.tsx';

export function ApiKeys() {
  const list = usePaged('/v1/api-keys');
  const [secret, setSecret] = useState<string>();
  const create = useSubmit(async (f) => {
    const key = await api('post', '/v1/api-keys', {
      body: { name: text(f, 'name'), mode: chosen(f, 'mode', ['live', 'test']) },
    });
    setSecret(key.secret);
    list.reload();
  });
  return (
    <>
      <PageHeader title="API keys" />
      <Section title="Create a key">
        {secret ? (
          <SecretOnce label="Your new API key." secret={secret} onDone={() => setSecret(undefined)} />
        ) : (
          <form className="inline-form" onSubmit={create.onSubmit} noValidate>
            <Input
              label="Name"
              name="name"
              required
              problem={create.problem}
              hint="What uses it, e.g. “billing service”."
            />
            <Select label="Mode" name="mode" defaultValue="live" problem={create.problem}>
              <option value="live">Live: real messages</option>
              <option value="test">Test: sandbox only</option>
            </Select>
            <button type="submit" className="primary" disabled={create.busy}>
              Create key
            </button>
          </form>
        )}
        <ProblemAlert problem={create.problem} />
      </Section>
      <ListTable
        list={list}
        caption="API keys"
        empty="No API keys yet."
        head={
          <>
            <th>Name</th>
            <th>Key</th>
            <th>Mode</th>
            <th>Created</th>
            <th>Last used</th>
            <th>State</th>
          </>
        }
        row={(k) => (
          <tr key={k.id}>
            <td>{k.name}</td>
            <td>
              <code>{k.hint}</code>
            </td>
            <td>{k.mode}</td>
            <td>{dateTime(k.createdAt)}</td>
            <td>{dateTime(k.lastUsedAt)}</td>
            <td>
              {k.revokedAt ? (
                <span className="badge badge-rejected">revoked</span>
              ) : (
                <ConfirmButton
                  label={`Revoke ${k.name}`}
                  confirmLabel="Yes, revoke it"
                  onConfirm={() => api('delete', '/v1/api-keys/{keyId}', { path: { keyId: k.id } }).then(list.reload)}
                />
              )}
            </td>
          </tr>
        )}
      />
    </>
  );
}
