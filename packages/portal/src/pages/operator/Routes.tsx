// Operator: routes (number prefix → connectors by priority), platform-wide or for one account.
import { api } from '../../api.ts';
import { useLoad } from '../../hooks.ts';
import { can, useMe } from '../../session.tsx';
import {
  ConfirmButton,
  Input,
  ListTable,
  PageHeader,
  ProblemAlert,
  Section,
  Select,
  text,
  useSubmit,
} from '../../ui.tsx';

export function RoutesPage() {
  const me = useMe();
  const admin = can(me, 'platform:admin');
  const routes = useLoad('/v1/admin/routes');
  const connectors = useLoad('/v1/admin/connectors');
  const names = new Map((connectors.data?.data ?? []).map((c) => [c.id, c.name]));
  const create = useSubmit(async (f) => {
    const accountId = text(f, 'accountId');
    await api('post', '/v1/admin/routes', {
      body: {
        prefix: text(f, 'prefix'),
        ...(accountId && { accountId }),
        connectors: [{ connectorId: text(f, 'connectorId'), priority: Number(text(f, 'priority') || '1') }],
      },
    });
    routes.reload();
  });
  return (
    <>
      <PageHeader title="Routes" />
      {admin && (
        <Section title="Add a route">
          <form className="inline-form" onSubmit={create.onSubmit} noValidate>
            <Input label="Number prefix" name="prefix" placeholder="+49" required problem={create.problem} />
            <Select label="Connector" name="connectorId" problem={create.problem}>
              {(connectors.data?.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
            <Input label="Priority" name="priority" type="number" min={1} defaultValue={1} problem={create.problem} />
            <Input label="Only for account (id)" name="accountId" placeholder="all accounts" problem={create.problem} />
            <button type="submit" className="primary" disabled={create.busy}>
              Add route
            </button>
          </form>
          <ProblemAlert problem={create.problem} />
        </Section>
      )}
      <ListTable
        list={{ rows: routes.data?.data ?? [], loading: routes.loading, problem: routes.problem }}
        caption="Routes"
        empty="No routes: every message goes to the default connector."
        head={
          <>
            <th>Prefix</th>
            <th>Account</th>
            <th>Connectors</th>
            {admin && <th>Actions</th>}
          </>
        }
        row={(r) => (
          <tr key={r.id}>
            <td>
              <code>{r.prefix}</code>
            </td>
            <td>{r.accountId ?? 'all'}</td>
            <td>
              {r.connectors
                .map((c) => `${names.get(c.connectorId) ?? c.connectorId} (priority ${c.priority}, weight ${c.weight})`)
                .join('; ')}
            </td>
            {admin && (
              <td>
                <ConfirmButton
                  label="Delete"
                  confirmLabel="Yes, delete"
                  onConfirm={() =>
                    api('delete', '/v1/admin/routes/{routeId}', { path: { routeId: r.id } }).then(routes.reload)
                  }
                />
              </td>
            )}
          </tr>
        )}
      />
    </>
  );
}
