import { useEffect, useState } from 'react';
import type { Api } from '../api/client.js';

/** Pathway id → title, for lists that only carry ids; empty until loaded (ids are shown then). */
export function usePathwayTitles(api: Api): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    api
      .pathways()
      .then((list) => live && setTitles(Object.fromEntries(list.map((p) => [p.id, p.title]))))
      .catch(() => undefined); // A nicety: without titles the ids are shown.
    return () => {
      live = false;
    };
  }, [api]);
  return titles;
}
