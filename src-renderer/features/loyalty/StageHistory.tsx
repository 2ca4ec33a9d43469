import { useState } from 'react';
import type { LoyaltyMove } from '../../../shared/insights/loyalty.schemas.ts';
import { loyaltyStageNames } from '../../../shared/insights/insights.labels.ts';
import { Button } from '../../ui/Button.tsx';
import { formatLocalDate } from '../../ui/dates.ts';

const stageWords = (stage: LoyaltyMove['from']) => (stage === null ? 'no stage' : loyaltyStageNames[stage]);

/** Every move on the ladder, newest first; the list is rendered only when opened, as it names stages. */
export function StageHistory({ moves }: { moves: LoyaltyMove[] }) {
  const [open, setOpen] = useState(false);
  if (moves.length === 0) return null;
  const newestFirst = [...moves].sort((a, b) => b.movedAt.localeCompare(a.movedAt));
  return (
    <div className="stage-history">
      <Button variant="quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
        Stage history
      </Button>
      {open && (
        <ol className="timeline stage-moves">
          {newestFirst.map((move) => (
            <li key={move.id} className="timeline-entry">
              <time dateTime={move.movedOn}>{formatLocalDate(move.movedOn)}</time>{' '}
              <strong>
                {stageWords(move.from)} → {stageWords(move.to)}
              </strong>
              <p className="timeline-details">
                {move.source === 'override' ? 'Set by hand: ' : ''}
                {move.reason}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
