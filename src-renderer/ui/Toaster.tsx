import { Button } from './Button.tsx';
import { useToasts } from './toast.store.ts';

export function Toaster() {
  const toasts = useToasts((state) => state.toasts);
  const dismiss = useToasts((state) => state.dismiss);
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <Button
              variant="quiet"
              onClick={() => {
                dismiss(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label}
            </Button>
          )}
          <Button variant="quiet" aria-label="Close notification" onClick={() => dismiss(toast.id)}>
            ×
          </Button>
        </div>
      ))}
    </div>
  );
}
