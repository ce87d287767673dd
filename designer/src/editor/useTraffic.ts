import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api, VersionSummary } from '../api/client.js';
import { trafficView, type Traffic, type TrafficView } from './model/traffic.js';

/** The version whose traffic to show first: the live one, else the latest published. */
export function defaultTrafficVersion(versions: readonly VersionSummary[] | null): number | null {
  if (!versions?.length) return null;
  return (versions.find((v) => v.live) ?? versions[versions.length - 1]!).version;
}

/**
 * Patient traffic of one published version of the pathway, fetched when the editor opens (counts
 * only, no patient data) so the toggle appears only when the version has patients. `view` is
 * memoised per response, so the overlay sees a new object only after a (re)load.
 */
export function useTraffic(
  api: Api,
  pathwayId: string,
  versions: readonly VersionSummary[] | null,
) {
  const [chosen, setChosen] = useState<number | null>(null);
  const version = chosen ?? defaultTrafficVersion(versions);
  const [traffic, setTraffic] = useState<Traffic | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    if (version === null) return;
    try {
      setError(null);
      setTraffic(
        await api.call<Traffic>(
          'GET',
          `/pathways/${encodeURIComponent(pathwayId)}/traffic?version=${version}`,
        ),
      );
    } catch (e) {
      setTraffic(null);
      setError(e);
    }
  }, [api, pathwayId, version]);
  useEffect(() => {
    void load();
  }, [load]);

  // The last counts stay shown while another version's load (the legend names their version).
  const view: TrafficView | null = useMemo(
    () => (traffic ? trafficView(traffic) : null),
    [traffic],
  );
  return {
    version,
    setVersion: setChosen,
    view,
    /**
     * The toggle is offered for a published version that has had patients (and stays once
     * another version was chosen in the legend, so the choice can be undone).
     */
    available: !!view && (view.total > 0 || chosen !== null),
    error,
    reload: load,
  };
}
