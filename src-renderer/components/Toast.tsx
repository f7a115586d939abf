import { useEffect } from 'react';
import { create } from 'zustand';

interface ToastState {
  message: string | null;
  actionLabel: string | null;
  action: (() => void) | null;
  show(message: string, actionLabel?: string, action?: () => void): void;
  clear(): void;
}

export const useToast = create<ToastState>((set) => ({
  message: null,
  actionLabel: null,
  action: null,
  show: (message, actionLabel, action) => set({ message, actionLabel: actionLabel ?? null, action: action ?? null }),
  clear: () => set({ message: null, actionLabel: null, action: null }),
}));

/** One message at a time at the bottom of the window, with an optional action such as Undo. */
export function Toast() {
  const { message, actionLabel, action, clear } = useToast();
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(clear, 8000);
    return () => clearTimeout(timer);
  }, [message, clear]);
  if (!message) return null;
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      {action && actionLabel ? (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            action();
            clear();
          }}
        >
          {actionLabel}
        </button>
      ) : null}
    </div>
  );
}
