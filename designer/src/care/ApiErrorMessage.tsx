import { ApiError } from '../api/client.js';

/** A refusal from the server in its own words, with every problem it listed. */
export function ApiErrorMessage({ error, action }: { error: unknown; action?: string }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const problems = e?.problems ?? [];
  return (
    <div role="alert" className="alert alert-refusal">
      <strong>{action ? `${action} was refused` : 'The server refused this'}:</strong>{' '}
      {e ? e.message : error instanceof Error ? error.message : 'cannot reach the server'}
      {e && <code className="code">{e.code}</code>}
      {problems.length > 1 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
