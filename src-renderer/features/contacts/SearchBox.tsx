import { useEffect, useRef } from 'react';
import { useNavigation } from '../../app/navigation.store.ts';
import { useContactsStore } from './contacts.store.ts';

/** Search as you type; the store debounces and drops answers to older queries. */
export function SearchBox() {
  const query = useContactsStore((state) => state.query);
  const setQuery = useContactsStore((state) => state.setQuery);
  const focusPending = useNavigation((state) => state.searchFocusPending);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!focusPending) return;
    input.current?.focus();
    input.current?.select();
    useNavigation.setState({ searchFocusPending: false });
  }, [focusPending]);

  return (
    <div className="search-box">
      <label htmlFor="contact-search" className="visually-hidden">
        Search contacts
      </label>
      <input
        ref={input}
        id="contact-search"
        type="search"
        value={query}
        placeholder="Search by name, company, email, phone or tag"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query !== '') {
            event.stopPropagation();
            setQuery('');
          }
        }}
      />
      <kbd className="search-hint" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
