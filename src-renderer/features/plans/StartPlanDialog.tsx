import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PlanPreview } from '../../../shared/plans/plans.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { followupKindWords } from '../followups/followup-words.ts';
import { whenWords } from './plan-words.ts';
import { usePlans } from './plans.store.ts';
import { useStartPlan } from './start-plan.store.ts';

/**
 * Start plan: a switched-on plan, the anchor date (today unless changed), and every
 * step's date, time and filled prompt before anything is made. The app behind is
 * hidden from lookups and keys while it is open (App.tsx), so its "Start" is the only one.
 * Its title has neither "plan" nor "start" in it: a title labels the dialog, and lookups by
 * label for "Plan" must find only the select.
 */
export function StartPlanDialog() {
  const { contactId, contactName, planId, anchorDate, preview, previewing, problem, starting } = useStartPlan();
  const plans = usePlans((state) => state.plans).filter((plan) => plan.enabled);
  const plansLoaded = usePlans((state) => state.status === 'ready');
  const dialog = useRef<HTMLDivElement>(null);
  const open = contactId !== null;

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>('select')?.focus();
    return () => opener?.focus();
  }, [open]);

  // Opened before the plans had loaded: the first one is the choice once they have.
  const firstPlan = plans[0]?.id;
  useEffect(() => {
    if (open && planId === '' && firstPlan) useStartPlan.getState().choose({ planId: firstPlan });
  }, [open, planId, firstPlan]);

  if (!open) return null;
  const close = () => useStartPlan.getState().close();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };
  const canStart = preview !== null && preview.planId === planId && preview.anchorDate === anchorDate && !previewing && !starting && problem === null;

  return (
    <div className="dialog-backdrop">
      <div ref={dialog} className="dialog start-plan-dialog" role="dialog" aria-modal="true" aria-labelledby="start-plan-title" aria-describedby="start-plan-about" onKeyDown={onKeyDown}>
        <h2 id="start-plan-title">Set up follow-ups for {contactName}</h2>
        <p id="start-plan-about" className="muted">
          Choose the plan and the day it counts from. Every step is shown before anything is made.
        </p>
        <div className="field-row">
          <div className="field">
            <label htmlFor="start-plan-choice">Plan</label>
            <select id="start-plan-choice" value={planId} onChange={(event) => useStartPlan.getState().choose({ planId: event.target.value })}>
              {planId === '' && <option value="">No plan switched on</option>}
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="start-plan-anchor">Anchor date</label>
            <input
              id="start-plan-anchor"
              type="date"
              value={anchorDate}
              aria-describedby="start-plan-anchor-hint"
              onChange={(event) => useStartPlan.getState().choose({ anchorDate: event.target.value })}
            />
            <p id="start-plan-anchor-hint" className="field-hint">
              The closing, the first purchase: the day the steps count from
            </p>
          </div>
        </div>
        {plans.length === 0 && plansLoaded && (
          <p className="dialog-note">No plan is switched on. Switch one on under Plans in the sidebar, then start it here.</p>
        )}
        {problem && (
          <div className="error-banner" role="alert">
            <p>{problem}</p>
          </div>
        )}
        {preview && <PreviewSteps preview={preview} stale={previewing} />}
        {previewing && !preview && <p className="loading">Working out the dates…</p>}
        <div className="dialog-actions">
          <Button variant="primary" disabled={!canStart} aria-busy={starting || undefined} onClick={() => void useStartPlan.getState().start()}>
            Start
          </Button>
          <Button onClick={close}>Cancel</Button>
        </div>
      </div>
    </div>
  );
}

function PreviewSteps({ preview, stale }: { preview: PlanPreview; stale: boolean }) {
  return (
    <div className={stale ? 'plan-preview plan-preview-stale' : 'plan-preview'} aria-busy={stale || undefined}>
      {preview.notes.map((note) => (
        <p key={note} className="dialog-note">
          {note}
        </p>
      ))}
      <h3>{preview.steps.length === 1 ? 'The step it will make' : `The ${preview.steps.length} steps it will make`}</h3>
      <ol className="preview-steps">
        {preview.steps.map((step) => (
          <li key={step.index} className="preview-step">
            <span className="preview-when">{whenWords(step)}</span>
            <span className="preview-what">
              <span className="kind-label">{followupKindWords[step.kind]}</span> {step.title}
            </span>
            {step.prompt && <p className="prompt">{step.prompt}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
