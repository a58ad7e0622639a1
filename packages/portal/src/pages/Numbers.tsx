// The account's numbers and senders, as the operator assigned them.
import { useLoad } from '../hooks.ts';
import { ListTable, PageHeader, dateTime } from '../ui.tsx';

export function Numbers() {
  const numbers = useLoad('/v1/numbers');
  return (
    <>
      <PageHeader title="Numbers and senders" />
      <p className="muted">
        Numbers are assigned by your operator; ask for more with an order. Messages may be sent from any of them.
      </p>
      <ListTable
        list={{ rows: numbers.data?.data ?? [], loading: numbers.loading, problem: numbers.problem }}
        caption="Numbers"
        empty="No numbers yet: messages go out with the default sender."
        head={
          <>
            <th>Number</th>
            <th>Channels</th>
            <th>Kind</th>
            <th>Since</th>
          </>
        }
        row={(n) => (
          <tr key={n.id}>
            <td>{n.number}</td>
            <td>{n.channels.join(', ')}</td>
            <td>{n.sandbox ? 'sandbox' : 'live'}</td>
            <td>{dateTime(n.createdAt)}</td>
          </tr>
        )}
      />
    </>
  );
}
