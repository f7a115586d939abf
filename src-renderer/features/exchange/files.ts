import type { ExportFile } from '../../../src-main/contract/index';
import { importFormats } from '../../../src-main/contract/index';

export type ImportFormat = (typeof importFormats)[number];

/** The import format a file name suggests; CSV when the extension says nothing. */
export function formatFromName(fileName: string): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return 'kumu-xlsx';
  if (name.endsWith('.json')) return 'kumu-json';
  if (name.endsWith('.gexf')) return 'gexf';
  if (name.endsWith('.graphml')) return 'graphml';
  return 'csv';
}

/** A File's bytes as base64, via FileReader's data URL (the part after the comma). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Saves an exported file through a temporary download link. */
export function downloadFile(file: ExportFile): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task, once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
