import { useEffect } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * A single-key shortcut that only fires when the person is not typing in a field, or a
 * Ctrl/Cmd combination that fires everywhere.
 */
export function useShortcut(key: string, action: () => void, options: { withModifier?: boolean } = {}): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const modifier = event.ctrlKey || event.metaKey;
      if (options.withModifier ? !modifier : modifier || event.altKey || isTyping(event.target)) return;
      if (event.key.toLowerCase() !== key.toLowerCase()) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, action, options.withModifier]);
}
