import { useEffect, useState } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import type { PlanRun } from '../../../shared/plans/plans.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { useContactRuns } from './contact-runs.store.ts';
import { cancelRun } from './plan-editing.ts';
import { countWords, whenWords } from './plan-words.ts';
import { usePlans } from './plans.store.ts';
import { useStartPlan } from './start-plan.store.ts';

type Props = { contact: Pick<Contact, 'id' | 'displayName' | 'firstName' | 'deletedAt'> };

const stateWords = { open: 'To do', done: 'Done', skipped: 'Skipped', cancelled: 'Cancelled' } as const;

/**
 * The contact's running plans with their progress, and Start plan. Deliberately
 * unnamed as a region: a name with "Plans" in it would be one more match for the
 * dialog's field "Plan" to anyone looking it up by label.
 */
export function PlansSection({ contact }: Props) {
  const { items: runs, status, error } = useContactRuns();
  const canWrite = contact.deletedAt === null;

  useEffect(() => {
    void useContactRuns.getState().open(contact.id);
    void usePlans.getState().refresh();
    return () => {
      useContactRuns.getState().close();
      // Leaving the page (Ctrl+N, Back) takes its dialog with it.
      useStartPlan.getState().close();
    };
  }, [contact.id]);

  const start = () => {
    const first = usePlans.getState().plans.find((plan) => plan.enabled);
    useStartPlan.getState().open({ id: contact.id, name: contact.firstName || contact.displayName }, first?.id ?? '');
  };
  const repeated = (run: PlanRun) => runs.filter((other) => other.planName === run.planName).length > 1;

  return (
    <section className="activity-section plans-section">
      <div className="section-header">
        <h2>Plans</h2>
        {canWrite && (
          <Button className="push-right" aria-haspopup="dialog" onClick={start}>
            Start plan
          </Button>
        )}
      </div>
      {status === 'error' && <p className="section-empty">Running plans could not be loaded: {error}</p>}
      {status === 'ready' && runs.length === 0 && <p className="section-empty">No plan running. Start one for a closing, a first purchase or a complaint.</p>}
      {runs.length > 0 && (
        <ul className="run-list">
          {runs.map((run) => (
            <RunEntry key={run.id} run={run} name={repeated(run) ? `${run.planName} from ${run.anchorDate}` : run.planName} canWrite={canWrite} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RunEntry({ run, name, canWrite }: { run: PlanRun; name: string; canWrite: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const open = run.steps.filter((step) => step.state === 'open').length;
  return (
    <li className="run">
      <div className="run-head">
        <strong>{run.planName}</strong>
        <span className="run-progress">
          {run.done.toLocaleString()} of {run.total.toLocaleString()} done
        </span>
        {canWrite && !confirming && (
          <Button variant="quiet" className="push-right" aria-label={`Cancel ${name}`} onClick={() => setConfirming(true)}>
            Cancel
          </Button>
        )}
      </div>
      <progress className="run-bar" max={run.total} value={run.done} aria-hidden="true" />
      <p className="due">
        How it started: {run.startedBy} · counted from {whenWords({ dueDate: run.anchorDate, dueTime: null })}
      </p>
      {confirming && (
        <div
          className="run-confirm"
          onKeyDown={(event) => {
            // Esc leaves the question, not the contact's page.
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setConfirming(false);
          }}
        >
          <p>
            Cancel {run.planName} for {run.contactName}? {open > 0 ? `Its ${countWords(open, 'open follow-up')} go` : 'Nothing is left to do'}; what is done stays in the history.
          </p>
          <div className="banner-actions">
            <Button variant="danger" autoFocus onClick={() => void cancelRun(run)}>
              Yes, cancel it
            </Button>
            <Button onClick={() => setConfirming(false)}>Keep it running</Button>
          </div>
        </div>
      )}
      <ol className="run-steps">
        {run.steps.map((step) => (
          <li key={step.index} className={`run-step run-step-${step.state}`}>
            <span className="run-step-state">{stateWords[step.state]}</span>
            <span className="run-step-title">{step.title}</span>
            <span className="due">{whenWords(step)}</span>
          </li>
        ))}
      </ol>
    </li>
  );
}
