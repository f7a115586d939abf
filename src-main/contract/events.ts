/** The event main pushes after writes. Kept apart (no imports) so the sandboxed preload can use it. */
export const changeEventName = 'changes';
