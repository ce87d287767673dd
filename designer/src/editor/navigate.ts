import { href } from '../shell/route.js';

/** Opens a pathway in the editor (hash routes). */
export const openPathway = (id: string): void => {
  window.location.hash = href({ page: 'editor', id });
};
