import { useEffect } from 'react';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { loyaltyStageNames } from '../../../shared/insights/insights.labels.ts';
import { Button } from '../../ui/Button.tsx';
import { formatLocalDate } from '../../ui/dates.ts';
import { showToast } from '../../ui/toast.store.ts';
import { useStartPlan } from '../plans/start-plan.store.ts';
import { overrideStage } from './loyalty-editing.ts';
import { followLoyalty, useLoyalty } from './loyalty.store.ts';
import { ScoreForm } from './ScoreForm.tsx';
import { StageHistory } from './StageHistory.tsx';
import { StageOverrideForm } from './StageOverrideForm.tsx';

type Props = {
  contact: Pick<Contact, 'id' | 'displayName' | 'firstName' | 'deletedAt'>;
  /** The Change stage form: one quick form open at a time on the page (its Reason is the log form's word too). */
  formOpen: boolean;
  onFormOpen: (open: boolean) => void;
};

/**
 * Where the contact stands on the loyalty ladder and why, their likelihood to
 * recommend, and a stage set by hand. Each stage's name shows once on the page
 * at most: the override's options and the history are rendered only when opened.
 */
export function LoyaltySection({ contact, formOpen, onFormOpen }: Props) {
  const { standing, status, error } = useLoyalty();
  const canWrite = contact.deletedAt === null;

  useEffect(() => {
    void useLoyalty.getState().open(contact.id);
    const stop = followLoyalty();
    return () => {
      stop();
      useLoyalty.getState().close();
    };
  }, [contact.id]);

  const backToRules = async () => {
    const result = await overrideStage({ contactId: contact.id, stage: null, reason: '' });
    if ('problem' in result) showToast({ message: 'message' in result.problem ? result.problem.message : Object.values(result.problem.fields).join(' ') });
  };
  const startSuggested = (plan: { planId: string }) => useStartPlan.getState().open({ id: contact.id, name: contact.firstName || contact.displayName }, plan.planId);

  return (
    <section className="activity-section loyalty-section" aria-labelledby="loyalty-title">
      <div className="section-header">
        <h2 id="loyalty-title">Loyalty</h2>
      </div>
      {status === 'loading' && <p className="loading">Loading their standing…</p>}
      {status === 'error' && (
        <p className="error-banner" role="alert">
          Their standing could not be loaded: {error}
        </p>
      )}
      {standing && (
        <>
          <p className="loyalty-standing">
            {standing.stage === null ? (
              <span className="loyalty-stage">No stage yet</span>
            ) : (
              <strong className="loyalty-stage">{loyaltyStageNames[standing.stage]}</strong>
            )}{' '}
            <span className="loyalty-reason">{` — ${sentenceCase(standing.reason)}`}</span>
          </p>
          {standing.suggestedPlan && canWrite && (
            <Button aria-haspopup="dialog" onClick={() => startSuggested(standing.suggestedPlan!)}>
              Start {standing.suggestedPlan.name}
            </Button>
          )}
          <p className="muted">
            {standing.latestScore
              ? `Latest likelihood to recommend: ${standing.latestScore.score} of 10, on ${formatLocalDate(standing.latestScore.scoredOn)}`
              : 'No likelihood to recommend recorded yet.'}
          </p>
          {canWrite && <ScoreForm contactId={contact.id} />}
          {canWrite && (
            <div className="banner-actions">
              <Button aria-expanded={formOpen} onClick={() => onFormOpen(!formOpen)}>
                Change stage
              </Button>
              {standing.source === 'override' && (
                <Button variant="quiet" onClick={() => void backToRules()}>
                  Use the rules again
                </Button>
              )}
            </div>
          )}
          {formOpen && canWrite && <StageOverrideForm contactId={contact.id} current={standing.stage} onDone={() => onFormOpen(false)} />}
          <StageHistory moves={standing.moves} />
        </>
      )}
    </section>
  );
}

/** The core's reasons read as phrases ("scored 3 on …", "set by hand: …"): beside the stage, each starts a sentence. */
function sentenceCase(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}
