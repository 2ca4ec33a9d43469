import { useEffect } from 'react';
import type { Plan } from '../../../shared/plans/plans.schemas.ts';
import { navigate } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { HeldBackList } from './HeldBackList.tsx';
import { duplicatePlan, setPlanEnabled } from './plan-editing.ts';
import { countWords, offsetWords, startsWhen, stepKindWords } from './plan-words.ts';
import { usePlans } from './plans.store.ts';
import { StrategySettings } from './StrategySettings.tsx';

const newPlan = () => navigate({ screen: 'new-plan' });

/** Every plan with what starts it and how many run, what the cap held back, and the strategy's settings. */
export function PlansScreen() {
  const { plans, status, error } = usePlans();
  useEffect(() => {
    void usePlans.getState().refresh();
  }, []);

  return (
    <div className="screen screen-scroll plans-screen">
      <header className="screen-header">
        <h1>Plans</h1>
        <p className="screen-count">{status === 'ready' ? countWords(plans.length, 'plan') : ''}</p>
        <Button variant="primary" className="push-right" onClick={newPlan}>
          New plan
        </Button>
      </header>
      <p className="muted plans-intro">
        A plan is a series of follow-ups counted from one day: a closing, a first purchase, a complaint. Start one from a contact’s page, or let what happens start it.
      </p>
      {status === 'error' && (
        <div className="error-banner" role="alert">
          <p>{error}</p>
          <Button onClick={() => void usePlans.getState().refresh()}>Try again</Button>
        </div>
      )}
      {status === 'loading' && <p className="loading">Loading plans…</p>}
      {status === 'ready' && plans.length === 0 && (
        <EmptyState title="No plans yet">
          <p>Make one with New plan: the steps, how long after the start each falls due, and what starts it.</p>
        </EmptyState>
      )}
      {plans.length > 0 && (
        <ul className="plan-list">
          {plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} />
          ))}
        </ul>
      )}
      <HeldBackList />
      <StrategySettings />
    </div>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  return (
    <li className={plan.enabled ? 'plan-card' : 'plan-card plan-card-off'}>
      <div className="plan-card-main">
        <h2 className="plan-name">
          {plan.name}
          <span className={plan.enabled ? 'plan-state' : 'plan-state plan-state-off'}>{plan.enabled ? 'On' : 'Switched off'}</span>
        </h2>
        {plan.description && <p className="plan-description">{plan.description}</p>}
        <p className="plan-facts">
          {startsWhen(plan.triggers)} · {countWords(plan.steps.length, 'step')} · {plan.running.toLocaleString()} running
          {plan.skipWeekends ? ' · skips weekends' : ''}
        </p>
        <ol className="plan-card-steps">
          {plan.steps.map((step, index) => (
            <li key={index}>
              <span className="plan-card-offset">{offsetWords(step.offset)}</span> {stepKindWords[step.kind]}: {step.title}
            </li>
          ))}
        </ol>
      </div>
      <div className="plan-card-actions">
        <Button aria-label={`Edit ${plan.name}`} onClick={() => navigate({ screen: 'plan', id: plan.id })}>
          Edit
        </Button>
        <Button aria-label={`Duplicate ${plan.name}`} onClick={() => void duplicatePlan(plan)}>
          Duplicate
        </Button>
        <Button aria-label={`${plan.enabled ? 'Switch off' : 'Switch on'} ${plan.name}`} onClick={() => void setPlanEnabled(plan, !plan.enabled)}>
          {plan.enabled ? 'Switch off' : 'Switch on'}
        </Button>
      </div>
    </li>
  );
}
