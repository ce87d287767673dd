import { useId, useRef, useState } from 'react';
import { ApiError, type Problem } from '../../api/client.js';
import { useSession } from '../../shell/session.js';
import { SLUG, uniqueId } from '../model/ids.js';
import { openPathway } from '../navigate.js';
import { Dialog } from './Dialog.js';
import { ProblemList } from './ProblemList.js';

/** Imports a pathway file; the server validates it and any problems are listed. */
export function ImportButton({ taken }: { taken: ReadonlySet<string> }) {
  const { api } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{
    message: string;
    problems?: Problem[];
    definition?: Record<string, unknown>;
  } | null>(null);
  const [newId, setNewId] = useState('');
  const inputId = useId();

  async function upload(definition: Record<string, unknown>) {
    try {
      const created = await api.createPathway(definition);
      openPathway(created.id);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'pathway.exists') {
        setNewId(uniqueId(String(definition.id), taken));
        setResult({ message: e.message, definition });
      } else
        setResult({
          message:
            e instanceof ApiError
              ? `The file was refused: ${e.message}`
              : 'Cannot reach the server',
          ...(e instanceof ApiError && e.problems ? { problems: e.problems } : {}),
        });
    }
  }
  async function onFile(file: File) {
    setResult(null);
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch (e) {
      setResult({ message: `${file.name} is not valid JSON: ${(e as Error).message}` });
      return;
    }
    if (!definition || typeof definition !== 'object' || Array.isArray(definition)) {
      setResult({ message: `${file.name} does not hold a pathway definition (a JSON object).` });
      return;
    }
    await upload(definition as Record<string, unknown>);
  }

  return (
    <>
      <input
        ref={input}
        id={inputId}
        className="ed-file-input"
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void onFile(f);
          e.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="ed-file-button">
        Import pathway file
      </label>
      {result && (
        <Dialog title="Import pathway" onClose={() => setResult(null)} wide>
          <div role="alert" className="ed-error">
            {result.message}
          </div>
          {result.problems && <ProblemList problems={result.problems} />}
          {result.definition && (
            <form
              className="ed-form"
              onSubmit={(e) => {
                e.preventDefault();
                void upload({ ...result.definition!, id: newId });
              }}
            >
              <div className="ed-field">
                <label htmlFor={`${inputId}-newid`}>Import it under another id</label>
                <input
                  id={`${inputId}-newid`}
                  value={newId}
                  onChange={(e) => setNewId(e.target.value)}
                />
              </div>
              <div className="ed-actions">
                <button
                  type="submit"
                  className="primary"
                  disabled={!SLUG.test(newId) || taken.has(newId)}
                >
                  Import as {newId || '…'}
                </button>
              </div>
            </form>
          )}
        </Dialog>
      )}
    </>
  );
}
