import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { searchPageSize, type ContactSort } from '../../../shared/contacts/contacts.schemas.ts';
import { loyaltyStageNames } from '../../../shared/insights/insights.labels.ts';
import type { ClvTier } from '../../../shared/insights/insights.schemas.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import { navigate } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { showToast } from '../../ui/toast.store.ts';
import { apiErrorOf } from '../../api/client.ts';
import { seedSample } from './contact-editing.ts';
import { rowAt, useContactList } from './contact-list.store.ts';
import { minSearchLength, useContactSearch } from './contact-search.store.ts';
import { ContactGrid } from './ContactGrid.tsx';

const sortOptions = [
  { value: 'name', label: 'Name' },
  { value: 'updated', label: 'Last updated' },
] as const;

const stageOptions = [
  { value: '', label: 'Any' },
  ...(['detractor', 'at_risk', 'movable', 'ambassador'] as const).map((stage) => ({ value: stage, label: loyaltyStageNames[stage] })),
];

const tierOptions = [
  { value: '', label: 'Any' },
  { value: 'top', label: 'Top' },
  { value: 'middle', label: 'Middle' },
  { value: 'rest', label: 'Other' },
];

const openContact = (id: string) => navigate({ screen: 'contact', id });

/** A full page of hits means there may be more: the best come first, and typing more narrows them. */
const foundText = (count: number) => (count >= searchPageSize ? `The best ${count} found: type more to narrow them` : `${count} found`);

/** The contacts screen: toolbar, then the whole list, search results, or a helpful empty state. */
export function ContactList() {
  const sort = useContactList((state) => state.sort);
  const tag = useContactList((state) => state.tag);
  const stage = useContactList((state) => state.stage);
  const tier = useContactList((state) => state.tier);
  const total = useContactList((state) => state.total);
  const generation = useContactList((state) => state.generation);
  const pages = useContactList((state) => state.pages);
  const listError = useContactList((state) => state.listError);
  const tags = useContactList((state) => state.tags);
  const tagsWanted = useContactList((state) => state.tagsWanted);
  // Whether a search is on, not the text: a keystroke re-renders the list only once its results arrive.
  const searchOn = useContactSearch((state) => state.query.trim().length >= minSearchLength);
  const results = useContactSearch((state) => state.results);
  const answered = useContactSearch((state) => state.answered);
  const searchError = useContactSearch((state) => state.searchError);
  const [seeding, setSeeding] = useState(false);
  // For its actions only, which never change; the values shown come from the selectors above.
  const list = useContactList.getState();

  // Once the first window has answered, so counting tags never holds up the first rows; again after contacts changed.
  const listAnswered = total !== null;
  useEffect(() => {
    if (listAnswered && tagsWanted) useContactList.getState().ensureTags();
  }, [listAnswered, tagsWanted]);

  const listRowAt = useCallback((index: number) => rowAt({ pages }, index), [pages]);
  // A new callback per generation makes the grid ask again for the rows on screen after a refresh.
  const requestRows = useCallback(
    (first: number, last: number) => useContactList.getState().ensureRows(first, last),
    [generation],
  );
  // With no grid on screen (empty, failed or not yet loaded list) nothing else asks whether contacts appeared.
  // A layout effect: at start-up the first window is asked before the sidebar's and notices' calls, which
  // the core would otherwise answer first.
  useLayoutEffect(() => {
    if (!total) useContactList.getState().ensureRows(0, 0);
  }, [generation, total]);

  const loadSample = async () => {
    setSeeding(true);
    try {
      const created = await seedSample();
      showToast({ message: `Added ${created} sample contacts` });
    } catch (thrown) {
      showToast({ message: apiErrorOf(thrown).message });
    } finally {
      setSeeding(false);
    }
  };

  const searching = searchOn && results !== null;
  const tagOptions = [
    { value: '', label: 'All tags' },
    ...tags.map((item) => ({ value: item.name, label: `${item.name} (${item.count})` })),
  ];
  if (tag !== null && !tags.some((item) => item.name === tag)) tagOptions.push({ value: tag, label: tag });

  let body;
  if (searching && searchError) {
    body = <p className="error-banner" role="alert">{searchError}</p>;
  } else if (searching && results.length === 0) {
    body = (
      <EmptyState title={`No contacts match “${answered}”`}>
        <p>Check the spelling, or search for part of a name, company, email address, phone number or tag.</p>
      </EmptyState>
    );
  } else if (searching) {
    body = <ContactGrid key="search" label="Search results" answers={answered} count={results.length} rowAt={(index) => results[index]} onOpen={openContact} />;
  } else if (listError && total === null) {
    body = (
      <div className="error-banner" role="alert">
        <p>{listError}</p>
        <Button onClick={() => list.refresh()}>Try again</Button>
      </div>
    );
  } else if (total === 0 && (stage !== null || tier !== null)) {
    body = (
      <EmptyState title="No contacts match these filters" actions={<Button onClick={() => list.clearFilters()}>Show all contacts</Button>}>
        <p>Stages and tiers come from the figures on Insights: a contact gets them once they have purchases or a likelihood-to-recommend score.</p>
      </EmptyState>
    );
  } else if (total === 0 && tag !== null) {
    body = (
      <EmptyState title={`No contacts tagged “${tag}”`} actions={<Button onClick={() => list.setTag(null)}>Show all contacts</Button>}>
        <p>Add this tag to a contact on its page, or choose another tag.</p>
      </EmptyState>
    );
  } else if (total === 0) {
    body = (
      <EmptyState
        title="No contacts yet"
        actions={
          <Button variant="primary" onClick={() => void loadSample()} disabled={seeding}>
            {seeding ? 'Loading sample data…' : 'Load sample data'}
          </Button>
        }
      >
        <p>Ambassador keeps the people and companies you work with, on this computer only.</p>
        <p>Press New contact to add your first one, or load about 50 made-up contacts to look around first.</p>
      </EmptyState>
    );
  } else {
    body = (
      <ContactGrid
        key={`${sort}|${tag ?? ''}|${stage ?? ''}|${tier ?? ''}`}
        label="Contacts"
        count={total ?? 0}
        rowAt={listRowAt}
        onOpen={openContact}
        onRangeChange={requestRows}
        // The grid starts where the user left the list (another screen, a search), and reports its scrolling back.
        initialOffset={() => useContactList.getState().scrollOffset}
        onScrolled={list.setScrollOffset}
      />
    );
  }

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Contacts</h1>
        <p className="screen-count" aria-live="polite">
          {searching ? foundText(results.length) : total === null ? 'Loading…' : `${total.toLocaleString()} in total`}
        </p>
        <Button variant="primary" className="push-right" onClick={() => navigate({ screen: 'new-contact' })}>
          New contact
        </Button>
      </header>
      <div className="toolbar">
        <SelectField
          label="Sort by"
          value={sort}
          options={sortOptions}
          onChange={(value) => list.setSort(value as ContactSort)}
          className="field-inline"
        />
        <SelectField
          label="Filter by tag"
          value={tag ?? ''}
          options={tagOptions}
          onChange={(value) => list.setTag(value === '' ? null : value)}
          className="field-inline"
        />
        <SelectField
          label="Loyalty stage"
          value={stage ?? ''}
          options={stageOptions}
          onChange={(value) => list.setStage(value === '' ? null : (value as LoyaltyStage))}
          className="field-inline"
        />
        <SelectField
          label="CLV tier"
          value={tier ?? ''}
          options={tierOptions}
          onChange={(value) => list.setTier(value === '' ? null : (value as ClvTier))}
          className="field-inline"
        />
      </div>
      {body}
    </div>
  );
}
