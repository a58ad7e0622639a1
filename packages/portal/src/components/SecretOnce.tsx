// A secret the API shows only once (an API key, a webhook signing secret).
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  return (
    <div className="secret" role="status">
      <p>
        <strong>{label}</strong> It is shown only now: copy it to a safe place.
      </p>
      <p>
        <code data-testid="secret">{secret}</code>
      </p>
      <div className="actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>
          Copy
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
