import { computeLayout, type LayoutInput, type LayoutOptions } from './layout';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
  options: LayoutOptions;
}

/** The force layout runs here so a map of thousands of partners never freezes the screen. */
self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  const { id, input, options } = event.data;
  self.postMessage({ id, result: computeLayout(input, options) });
});
