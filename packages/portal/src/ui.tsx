// The portal's building blocks: labelled fields that show the API's per-field errors, problem
// alerts, lists with empty and error states and page controls, and a two-step confirm button.
import {
  useId,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useSearchParams } from 'react-router';
import { formProblem, problemOf, type Problem } from './api.ts';
import type { Paged } from './hooks.ts';

/** The API names fields with JSON pointers: `/to`, `/config/host`, `/querystring/limit` (some checks say `/query/phone`). */
function errorFor(problem: Problem | undefined, name: string): string | undefined {
  return problem?.errors?.find(
    (e) =>
      [`/${name}`, `/querystring/${name}`, `/query/${name}`].includes(e.pointer) || e.pointer.startsWith(`/${name}/`),
  )?.detail;
}

interface FieldProps {
  label: string;
  name: string;
  problem?: Problem | undefined;
  hint?: ReactNode;
}

function FieldShell({
  label,
  name,
  problem,
  hint,
  children,
}: FieldProps & { children: (a11y: Record<string, string | boolean | undefined>) => ReactNode }) {
  const id = useId();
  const error = errorFor(problem, name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

export function Input({ label, name, problem, hint, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} name={name} problem={problem} hint={hint}>
      {(a) => <input {...rest} {...a} />}
    </FieldShell>
  );
}

export function Select({
  label,
  name,
  problem,
  hint,
  children,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} name={name} problem={problem} hint={hint}>
      {(a) => (
        <select {...rest} {...a}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function TextArea({
  label,
  name,
  problem,
  hint,
  ...rest
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} name={name} problem={problem} hint={hint}>
      {(a) => <textarea {...rest} {...a} />}
    </FieldShell>
  );
}

/**
 * A role's refusal names a scope, which means nothing to a person signed in with a password:
 * they get the title and who can help instead.
 */
function forPeople(problem: Problem): Problem {
  if (problem.type?.endsWith('/role-forbidden'))
    return { ...problem, detail: 'Ask an owner or admin of the account if you need to do this.' };
  return problem;
}

/** One line for a problem beside a control. */
export function problemText(problem: Problem): string {
  return problem.type?.endsWith('/role-forbidden') ? problem.title : (problem.detail ?? problem.title);
}

export function ProblemAlert({ problem: raw }: { problem: Problem | undefined }) {
  if (!raw) return null;
  const problem = forPeople(raw);
  return (
    <div className="alert alert-error" role="alert">
      <strong>{problem.title}</strong>
      {problem.detail && problem.detail.toLowerCase() !== problem.title.toLowerCase() && <p>{problem.detail}</p>}
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warning' | 'success' }) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}

/** A form whose submit runs `action` and shows the problem it throws next to the fields. */
export function useSubmit<T>(action: (form: FormData) => Promise<T>) {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    setProblem(undefined);
    try {
      // With the button that submitted it, so one form can offer two outcomes.
      await action(new FormData(form, (e.nativeEvent as SubmitEvent).submitter));
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, onSubmit, setProblem };
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A table of one page of a list, with loading, error and empty states and page controls. */
export function ListTable<T>({
  list,
  caption,
  empty,
  head,
  row,
}: {
  list:
    | Paged<T>
    | {
        rows: T[];
        loading: boolean;
        problem: Problem | undefined;
        pageNumber?: number;
        next?: () => void;
        previous?: () => void;
      };
  caption: string;
  empty: ReactNode;
  head: ReactNode;
  row: (item: T) => ReactNode;
}) {
  if (list.problem) return <ProblemAlert problem={list.problem} />;
  if (list.loading && list.rows.length === 0)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (list.rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>{list.rows.map(row)}</tbody>
        </table>
      </div>
      {(list.next || list.previous) && (
        <nav className="pager" aria-label={`${caption} pages`}>
          <button type="button" onClick={list.previous} disabled={!list.previous}>
            Previous
          </button>
          <span>Page {list.pageNumber}</span>
          <button type="button" onClick={list.next} disabled={!list.next}>
            Next
          </button>
        </nav>
      )}
    </>
  );
}

/** A destructive action asks once more in place instead of a modal dialog. */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  className = 'danger',
}: {
  label: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  if (!asking)
    return (
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="confirm">
      <button
        type="button"
        className={className}
        autoFocus
        onClick={() =>
          onConfirm().then(
            () => setAsking(false),
            (e: unknown) => setProblem(problemOf(e)),
          )
        }
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
      {problem && (
        <span role="alert" className="field-error">
          {problemText(problem)}
        </span>
      )}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{status}</span>;
}

export const dateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

export function money(micros: number, currency: string | null | undefined): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: currency ?? 'EUR',
    maximumFractionDigits: 4,
  }).format(micros / 1e6);
}

export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A select's value, one of `allowed` (the API's list for that field); anything else is a problem naming the field. */
export function chosen<T extends string>(form: FormData, name: string, allowed: readonly T[]): T {
  const value = text(form, name);
  const found = allowed.find((a) => a === value);
  if (found === undefined)
    throw formProblem({
      title: 'Choose one of the options',
      errors: [{ pointer: `/${name}`, detail: `must be one of: ${allowed.join(', ')}` }],
    });
  return found;
}

/**
 * A list's filter form: its fields live in the URL (shareable, kept on reload), so applying
 * writes the non-empty ones there and Clear empties it. Re-keyed on the URL so the inputs'
 * defaults follow back and forward navigation.
 */
export function FilterForm({
  label,
  fields,
  children,
}: {
  label: string;
  fields: readonly string[];
  children: ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const field of fields) if (text(form, field)) next.set(field, text(form, field));
    setParams(next);
  };
  return (
    <form className="card filters" onSubmit={apply} aria-label={label} key={params.toString()}>
      {children}
      <div className="actions">
        <button type="submit" className="primary">
          Filter
        </button>
        <button type="button" onClick={() => setParams(new URLSearchParams())}>
          Clear
        </button>
      </div>
    </form>
  );
}
