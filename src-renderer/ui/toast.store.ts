import { create } from 'zustand';

export type Toast = {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
};

type ToastState = {
  toasts: Toast[];
  dismiss: (id: number) => void;
};

const visibleMs = 8_000;
let nextId = 1;

export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));

/** Shows a short message; one with an action (Undo) stays long enough to be used. */
export function showToast(toast: Omit<Toast, 'id'>): void {
  const id = nextId++;
  useToasts.setState((state) => ({ toasts: [...state.toasts.slice(-2), { ...toast, id }] }));
  setTimeout(() => useToasts.getState().dismiss(id), visibleMs);
}
