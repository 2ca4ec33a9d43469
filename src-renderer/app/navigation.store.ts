import { create } from 'zustand';

export type Route =
  | { screen: 'contacts' }
  | { screen: 'new-contact' }
  | { screen: 'contact'; id: string }
  | { screen: 'trash' }
  | { screen: 'today' }
  | { screen: 'backup' }
  | { screen: 'duplicates' }
  | { screen: 'plans' }
  | { screen: 'insights' }
  | { screen: 'new-plan' }
  | { screen: 'plan'; id: string };

/** Routes live in the hash so links are real links and Back works, in Electron's file:// too. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/trash') return { screen: 'trash' };
  if (path === '/today') return { screen: 'today' };
  if (path === '/backup') return { screen: 'backup' };
  if (path === '/duplicates') return { screen: 'duplicates' };
  if (path === '/contacts/new') return { screen: 'new-contact' };
  if (path === '/plans') return { screen: 'plans' };
  if (path === '/insights') return { screen: 'insights' };
  if (path === '/plans/new') return { screen: 'new-plan' };
  const plan = /^\/plans\/([^/]+)$/.exec(path);
  if (plan?.[1]) {
    const id = decodeOrNull(plan[1]);
    if (id !== null) return { screen: 'plan', id };
  }
  const contact = /^\/contacts\/([^/]+)$/.exec(path);
  if (contact?.[1]) {
    const id = decodeOrNull(contact[1]);
    if (id !== null) return { screen: 'contact', id };
  }
  return { screen: 'contacts' };
}

/** A hand-typed or truncated address (`%E0`) must not blank the app: it just leads to the list. */
function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function hrefFor(route: Route): string {
  switch (route.screen) {
    case 'contacts':
      return '#/contacts';
    case 'new-contact':
      return '#/contacts/new';
    case 'contact':
      return `#/contacts/${encodeURIComponent(route.id)}`;
    case 'trash':
      return '#/trash';
    case 'today':
      return '#/today';
    case 'backup':
      return '#/backup';
    case 'duplicates':
      return '#/duplicates';
    case 'plans':
      return '#/plans';
    case 'insights':
      return '#/insights';
    case 'new-plan':
      return '#/plans/new';
    case 'plan':
      return `#/plans/${encodeURIComponent(route.id)}`;
  }
}

type NavigationState = {
  route: Route;
  /** Set to ask the search box to take focus; it clears this itself once it has. */
  searchFocusPending: boolean;
};

export const useNavigation = create<NavigationState>()(() => ({
  route: parseRoute(location.hash),
  searchFocusPending: false,
}));

window.addEventListener('hashchange', () => useNavigation.setState({ route: parseRoute(location.hash) }));

export function navigate(route: Route): void {
  const href = hrefFor(route);
  if (location.hash !== href) location.hash = href;
  useNavigation.setState({ route });
}

/** The search box is in the app shell, so focusing it never leaves the screen (or an unsaved form). */
export function focusSearch(): void {
  useNavigation.setState({ searchFocusPending: true });
}
