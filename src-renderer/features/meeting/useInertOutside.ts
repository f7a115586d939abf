import { useEffect, type RefObject } from 'react';

/**
 * While meeting mode covers the window, everything behind it (the sections, the top bar, the tabs)
 * is made `inert`, so Tab, a screen reader and a stray click stay inside the meeting. The toast
 * is left alone: its Undo must stay in reach. What this made inert is given back on leaving.
 */
export function useInertOutside(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const own = ref.current;
    if (!active || !own) return;
    const made: HTMLElement[] = [];
    for (let node: HTMLElement | null = own; node && node !== document.body; node = node.parentElement) {
      for (const sibling of Array.from(node.parentElement?.children ?? [])) {
        if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue;
        if (sibling.matches('.toast, script, style')) continue;
        sibling.inert = true;
        made.push(sibling);
      }
    }
    return () => made.forEach((element) => (element.inert = false));
  }, [ref, active]);
}
