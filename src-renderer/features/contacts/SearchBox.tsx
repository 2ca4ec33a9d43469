import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { navigate, useNavigation } from '../../app/navigation.store.ts';
import { minSearchLength, useContactSearch } from './contact-search.store.ts';

/** On the list screen the results replace the list; this is its first row, for ArrowDown to reach. */
function firstResultRow(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="grid"] [role="rowgroup"] [role="row"][tabindex="0"]');
}

/** What tells two hits apart: a person's company (a company's would only repeat its name), then how to reach them. */
function detailOf(hit: ContactSummary): string {
  const who = hit.kind === 'company' ? 'Company' : hit.company;
  return [who, hit.primaryEmail ?? hit.primaryPhone ?? ''].filter((part) => part !== '').join(' · ');
}

/**
 * "Search contacts", in the app shell so it is on every screen. On the contact list the
 * results replace the list, as before; everywhere else they drop down under the box and
 * choosing one opens that contact. The store debounces and drops answers to older queries.
 */
export function SearchBox() {
  const query = useContactSearch((state) => state.query);
  const results = useContactSearch((state) => state.results);
  const searchError = useContactSearch((state) => state.searchError);
  const setQuery = useContactSearch((state) => state.setQuery);
  const onList = useNavigation((state) => state.route.screen === 'contacts');
  const route = useNavigation((state) => state.route);
  const focusPending = useNavigation((state) => state.searchFocusPending);
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

  useEffect(() => {
    if (!focusPending) return;
    input.current?.focus();
    input.current?.select();
    setOpen(true);
    useNavigation.setState({ searchFocusPending: false });
  }, [focusPending]);

  useEffect(() => setActive(-1), [results]);
  useEffect(() => setOpen(false), [route]);

  const hits = results ?? [];
  const searched = query.trim().length >= minSearchLength && (results !== null || searchError !== null);
  const showPopup = !onList && open && searched;
  const showOptions = showPopup && searchError === null && hits.length > 0;

  const choose = (hit: ContactSummary) => {
    setQuery('');
    setOpen(false);
    navigate({ screen: 'contact', id: hit.id });
  };

  const move = (by: number) => {
    setOpen(true);
    if (hits.length > 0) setActive((current) => (current + by + hits.length) % hits.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && onList) {
      const row = firstResultRow();
      if (row) {
        event.preventDefault();
        row.focus();
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && showOptions) {
      event.preventDefault();
      const hit = hits[Math.max(0, active)];
      if (hit) choose(hit);
    } else if (event.key === 'Escape') {
      // Handled here: the contact page's Esc (back to the list) must not fire from the search box.
      event.preventDefault();
      event.stopPropagation();
      if (query !== '') setQuery('');
      else input.current?.blur();
      setOpen(false);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div className="search-box">
      <label htmlFor="contact-search" className="visually-hidden">
        Search contacts
      </label>
      <input
        ref={input}
        id="contact-search"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showOptions}
        aria-controls={listId}
        aria-activedescendant={showOptions && active >= 0 ? optionId(active) : undefined}
        value={query}
        placeholder="Search by name, company, email, phone or tag"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {/* Out of the way of the browser's own clear button once there is text. */}
      {query === '' && (
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      )}
      <div className="search-popup" hidden={!showPopup}>
        {showPopup && searchError !== null && (
          <p className="search-message" role="alert">
            {searchError}
          </p>
        )}
        {showPopup && searchError === null && hits.length === 0 && (
          <p className="search-message" role="status">
            No contacts match “{query.trim()}”
          </p>
        )}
        <ul id={listId} role="listbox" aria-label="Search results" hidden={!showOptions}>
          {showOptions &&
            hits.map((hit, index) => (
              <li
                key={hit.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="option"
                // Keeps focus in the box, so its blur does not close the list before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(hit)}
              >
                <span className="option-name">{hit.displayName}</span>
                <span className="option-detail">{detailOf(hit)}</span>
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}
