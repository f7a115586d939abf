import type { MapDrawing, MeasureText } from './map-drawing';

export type ImageFormat = 'png' | 'svg';

/** Both sides of a PNG stay under this, so a very large map still makes a file an editor opens. */
const maxSide = 8192;

/**
 * Saves the map drawing as an SVG file, or as a PNG painted from that same SVG: one drawing, so
 * both files show the same map.
 */
export async function exportMapImage(drawing: MapDrawing, format: ImageFormat, fileName: string) {
  const blob =
    format === 'svg' ? new Blob([drawing.svg], { type: 'image/svg+xml' }) : await paintPng(drawing);
  // A blob: address has the app's own origin, so the app's guard against leaving it lets the
  // download through (a data: address counts as another site).
  const address = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = address;
  link.download = `${fileName}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(address), 10_000);
}

/** PNG at twice the drawing's size where that fits, for sharp text on slides and in print. */
async function paintPng(drawing: MapDrawing): Promise<Blob> {
  const scale = Math.min(2, maxSide / Math.max(drawing.width, drawing.height, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(drawing.width * scale));
  canvas.height = Math.max(1, Math.round(drawing.height * scale));
  const address = URL.createObjectURL(new Blob([drawing.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = address;
    await image.decode();
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(address);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Text widths as the browser will draw them, so names are shortened where the screen does. */
export function canvasTextMeasure(fontFamily: string): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  return (text, fontSize, bold) => {
    if (!context) return [...text].length * fontSize * 0.6;
    context.font = `${bold ? '700 ' : ''}${fontSize}px ${fontFamily}`;
    return context.measureText(text).width;
  };
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
