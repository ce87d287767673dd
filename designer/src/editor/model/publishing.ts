/** The words of the publishing controls, shared by the toolbar and the Versions tab. */
export const PUBLISH_NEEDS = 'Publishing needs the publisher or admin role';
export const EDIT_NEEDS = 'Editing needs the designer or admin role';

/**
 * What setting a version live changes, said before it happens: only new enrolments move; an
 * enrolled patient's instance stays pinned to the version it started on until migrated
 * (shared/DESIGN.md §7).
 */
export function setLiveSummary(next: number, live: number | undefined): string {
  const now = live === undefined ? 'no version is live' : `version ${live}`;
  return `New patients will start on version ${next} (now: ${now}). Patients already enrolled stay on their version.`;
}
