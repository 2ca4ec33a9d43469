import { useEffect, useState } from 'react';
import type { Plan } from '../../../shared/plans/plans.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { hrefFor, navigate } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { showToast } from '../../ui/toast.store.ts';
import { PlanForm } from './PlanForm.tsx';

type Loaded = { status: 'loading' } | { status: 'missing'; message: string } | { status: 'ready'; plan: Plan | null };

const backToPlans = () => navigate({ screen: 'plans' });

/** A plan's page (`id`), or a new plan's (null). */
export function PlanEditor({ id }: { id: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>(id === null ? { status: 'ready', plan: null } : { status: 'loading' });
  const [title, setTitle] = useState(id === null ? 'New plan' : 'Plan');

  useEffect(() => {
    if (id === null) return;
    let current = true;
    api.invoke('plans.get', { id }).then(
      (plan) => {
        if (!current) return;
        setLoaded({ status: 'ready', plan });
        setTitle(plan.name);
      },
      (thrown: unknown) => current && setLoaded({ status: 'missing', message: apiErrorOf(thrown).message }),
    );
    return () => {
      current = false;
    };
  }, [id]);

  const onSaved = (saved: Plan) => {
    setTitle(saved.name);
    showToast({ message: `Saved ${saved.name}` });
    if (id === null) navigate({ screen: 'plan', id: saved.id });
  };

  let body;
  if (loaded.status === 'loading') body = <p className="loading">Loading plan…</p>;
  else if (loaded.status === 'missing')
    body = (
      <EmptyState title="This plan could not be opened" actions={<Button onClick={backToPlans}>Back to plans</Button>}>
        <p>{loaded.message}</p>
      </EmptyState>
    );
  else body = <PlanForm plan={loaded.plan} onSaved={onSaved} />;

  return (
    <div className="screen screen-scroll">
      <header className="screen-header">
        {/* Not "All plans": a second link containing "Plans" would make the sidebar's ambiguous. */}
        <a className="back-link" href={hrefFor({ screen: 'plans' })}>
          ← Back to the list
        </a>
        <h1>{title}</h1>
      </header>
      {body}
    </div>
  );
}
