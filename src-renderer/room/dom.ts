/** Builds an element; text goes in as text nodes, never as markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

/** Text someone typed (a question, a name, a choice) isolated, so Latin text keeps its order on an Arabic page. */
export const typed = (text: string) => el('bdi', {}, text);
