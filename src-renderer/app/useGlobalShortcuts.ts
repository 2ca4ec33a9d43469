import { useEffect } from 'react';
import { focusSearch, navigate } from './navigation.store.ts';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** App-wide keys: `/` and Ctrl/Cmd+K search, Ctrl/Cmd+N new contact. The form adds Ctrl/Cmd+S and Esc. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if ((command && key === 'k') || (!command && !event.altKey && event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        focusSearch();
      } else if (command && !event.shiftKey && key === 'n') {
        event.preventDefault();
        navigate({ screen: 'new-contact' });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
