import { expect, type Page } from '@playwright/test';

/**
 * What a person would see cut off at the window's sides: the page scrolling sideways, and any
 * visible element whose visible part (after the boxes that clip it) reaches past the left or right
 * edge, or a box inside that scrolls sideways. Elements wholly clipped away (a panned map's far nodes, visually hidden labels) are not
 * seen, so they do not count.
 */
export async function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const problems: string[] = [];
    if (root.scrollWidth > width) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${width}`);
    const describe = (element: Element) => {
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
      const classes = typeof element.className === 'string' ? element.className.trim().replace(/\s+/g, '.') : '';
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${text}"`;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      // The visually-hidden pattern: there for screen readers, clipped to nothing on screen.
      if (style.clipPath.startsWith('inset(50%')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let left = box.left;
      let right = box.right;
      let top = box.top;
      let bottom = box.bottom;
      for (let clip = element.parentElement; clip && clip !== document.body; clip = clip.parentElement) {
        const clipStyle = getComputedStyle(clip);
        if (clipStyle.overflowX === 'visible' && clipStyle.overflowY === 'visible' && clipStyle.clip === 'auto')
          continue;
        const clipBox = clip.getBoundingClientRect();
        left = Math.max(left, clipBox.left);
        right = Math.min(right, clipBox.right);
        top = Math.max(top, clipBox.top);
        bottom = Math.min(bottom, clipBox.bottom);
      }
      if (right - left < 1 || bottom - top < 1) continue;
      // A box that scrolls sideways hides what is past its edge just as the window would.
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (
        scrolls &&
        !['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) &&
        element.scrollWidth > element.clientWidth + 1
      )
        problems.push(`${describe(element)} scrolls sideways: ${element.scrollWidth} > ${element.clientWidth}`);
      if (right > width + 0.5 || left < -0.5)
        problems.push(`${describe(element)} spans ${Math.round(left)}..${Math.round(right)} of 0..${width}`);
    }
    return problems.slice(0, 12);
  });
}

export async function expectFitsSideways(page: Page, screen: string): Promise<void> {
  expect(await sidewaysProblems(page), screen).toEqual([]);
}
