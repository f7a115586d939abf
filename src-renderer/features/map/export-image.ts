import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export type ImageFormat = 'png' | 'svg';

const maxSide = 4096;
const padding = 0.05;

/**
 * Draws the visible map, whatever the current pan and zoom, into an image and downloads it. The
 * caller first fits the view, so every node is rendered (big maps render only what is on screen).
 */
export async function exportMapImage(viewport: HTMLElement, nodes: Node[], format: ImageFormat, fileName: string) {
  const bounds = getNodesBounds(nodes.filter((node) => !node.hidden));
  const scale = Math.min(2, maxSide / Math.max(bounds.width, bounds.height, 1));
  const width = Math.max(320, Math.round(bounds.width * scale));
  const height = Math.max(240, Math.round(bounds.height * scale));
  const fit = getViewportForBounds(bounds, width, height, 0.01, 4, padding);
  const options = {
    backgroundColor: '#f7f5f0',
    width,
    height,
    // Fonts are the system's; embedding them would fetch stylesheets for nothing.
    skipFonts: true,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})`,
    },
  };
  const dataUrl = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  // A blob: address has the app's own origin, so the app's guard against leaving it lets the
  // download through (a data: address counts as another site).
  const address = URL.createObjectURL(blobOf(dataUrl));
  const link = document.createElement('a');
  link.href = address;
  link.download = `${fileName}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(address), 10_000);
}

function blobOf(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const header = dataUrl.slice(5, comma);
  const type = header.split(';')[0];
  const payload = dataUrl.slice(comma + 1);
  if (header.endsWith(';base64'))
    return new Blob([Uint8Array.from(atob(payload), (char) => char.charCodeAt(0))], { type });
  return new Blob([decodeURIComponent(payload)], { type });
}

/** A file name from the initiative's name, safe on every system. */
export function imageFileName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
  return `${safe || 'map'}-map`;
}
