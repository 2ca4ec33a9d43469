import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import type { HistoryHit } from '../../../shared/history/history.schemas.ts';
import { navigate, useNavigation } from '../../app/navigation.store.ts';
import { useHistorySearch } from '../history/history-search.store.ts';
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

/** Says where the words were found, and starts with the contact's name. */
export function historyHitName(hit: HistoryHit): string {
  return `${hit.contactName} — matched in ${hit.matchedIn}: ${hit.snippet}`;
}

type Option = { kind: 'contact'; hit: ContactSummary } | { kind: 'history'; hit: HistoryHit };

/**
 * "Search contacts", in the app shell so it is on every screen. On the contact list the
 * results replace the list, as before; everywhere else they drop down under the box and
 * choosing one opens that contact. Below them (on the list, alone in the drop-down, reached
 * with ArrowUp since ArrowDown goes to the list) come up to five "In history" hits: entries
 * whose words matched, each opening its contact. The store searches as the user types, one search at a time,
 * and shows only answers to what is typed now.
 */
export function SearchBox() {
  const query = useContactSearch((state) => state.query);
  const results = useContactSearch((state) => state.results);
  const answered = useContactSearch((state) => state.answered);
  const searchError = useContactSearch((state) => state.searchError);
  const historyHits = useHistorySearch((state) => state.hits);
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

  const setQuery = (text: string) => {
    useContactSearch.getState().setQuery(text);
    useHistorySearch.getState().setQuery(text);
  };

  useEffect(() => setActive(-1), [results, historyHits]);
  useEffect(() => setOpen(false), [route]);

  const hits = onList ? [] : (results ?? []);
  const searchable = query.trim().length >= minSearchLength;
  const inHistory = searchable ? historyHits : [];
  const searched = searchable && (results !== null || searchError !== null);
  const contactsShown = !onList && searched;
  const showPopup = open && (contactsShown || inHistory.length > 0);
  const options: Option[] = [
    ...(searchError === null ? hits.map((hit): Option => ({ kind: 'contact', hit })) : []),
    ...inHistory.map((hit): Option => ({ kind: 'history', hit })),
  ];
  const showOptions = showPopup && options.length > 0;

  const choose = (option: Option) => {
    setQuery('');
    setOpen(false);
    navigate({ screen: 'contact', id: option.kind === 'contact' ? option.hit.id : option.hit.interaction.contactId });
  };

  const move = (by: number) => {
    setOpen(true);
    if (options.length > 0) setActive((current) => (current < 0 && by < 0 ? options.length - 1 : (current + by + options.length) % options.length));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && onList && active < 0) {
      const row = firstResultRow();
      if (row) {
        event.preventDefault();
        row.focus();
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && showOptions && (!onList || active >= 0)) {
      event.preventDefault();
      const option = options[Math.max(0, active)];
      if (option) choose(option);
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
        {showPopup && contactsShown && searchError !== null && (
          <p className="search-message" role="alert">
            {searchError}
          </p>
        )}
        {showPopup && contactsShown && searchError === null && hits.length === 0 && (
          <p className="search-message" role="status">
            No contacts match “{answered}”
          </p>
        )}
        <ul id={listId} role="listbox" aria-label={onList ? 'In history' : 'Search results'} hidden={!showOptions}>
          {showOptions &&
            options.map((option, index) =>
              option.kind === 'contact' ? (
                <SearchOption key={option.hit.id} id={optionId(index)} selected={index === active} onChoose={() => choose(option)}>
                  <span className="option-name">{option.hit.displayName}</span>
                  <span className="option-detail">{detailOf(option.hit)}</span>
                </SearchOption>
              ) : null,
            )}
          {showOptions && inHistory.length > 0 && (
            <li role="group" aria-label="In history" className="option-group">
              <span className="option-group-label" aria-hidden="true">
                In history
              </span>
              <ul role="none">
                {options.map((option, index) =>
                  option.kind === 'history' ? (
                    <SearchOption key={option.hit.interaction.id} id={optionId(index)} selected={index === active} label={historyHitName(option.hit)} onChoose={() => choose(option)}>
                      <span className="option-name">{option.hit.contactName}</span>
                      <span className="option-detail">
                        Matched in {option.hit.matchedIn}: {option.hit.snippet}
                      </span>
                    </SearchOption>
                  ) : null,
                )}
              </ul>
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}

type SearchOptionProps = { id: string; selected: boolean; label?: string; onChoose: () => void; children: ReactNode };

function SearchOption({ id, selected, label, onChoose, children }: SearchOptionProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      aria-label={label}
      className="option"
      // Keeps focus in the box, so its blur does not close the list before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
    >
      {children}
    </li>
  );
}
