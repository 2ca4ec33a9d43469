export type Progress = { done: number; total: number };

/**
 * Long work, as the core reports it. Until the first report there is no total,
 * so the bar is indeterminate rather than a false 0%.
 */
export function ProgressBar({ label, progress }: { label: string; progress: Progress | null }) {
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="progress">
      <progress aria-label={label} max={known ? progress.total : undefined} value={known ? progress.done : undefined} />
      <span className="progress-text" aria-hidden="true">
        {percent === null ? `${label}…` : `${label}… ${percent}%`}
      </span>
    </div>
  );
}
