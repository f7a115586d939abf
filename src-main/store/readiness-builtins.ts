import { phases } from '../contract/models';
import type { LocalText, ReadinessScale } from '../contract/readiness';
import {
  benchmarkTexts,
  readinessCheckText,
  selfAssessmentText,
  type BuiltinInstrumentText,
  type FourLanguages,
} from './readiness-builtin-texts';

/**
 * Built-in instruments and phase benchmarks. Their ids are fixed, the same on every device and in
 * every version, so a rating or a benchmark mark made on one laptop names the same thing on all of
 * them and nothing is seeded twice. Never change or reuse one of these numbers.
 */
function builtinId(n: number): string {
  return `c011ec7e-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function localText([en, es, fr, ar]: FourLanguages): LocalText {
  return { en, es, fr, ar };
}

export interface BuiltinItem {
  id: string;
  text: LocalText;
}
export interface BuiltinSection {
  id: string;
  title: LocalText;
  items: BuiltinItem[];
}
export interface BuiltinInstrument {
  id: string;
  name: LocalText;
  scale: ReadinessScale;
  ratesImportance: boolean;
  sections: BuiltinSection[];
}

function instrument(
  number: number,
  text: BuiltinInstrumentText,
  scale: ReadinessScale,
  ratesImportance: boolean,
): BuiltinInstrument {
  const base = number * 0x100000;
  return {
    id: builtinId(base),
    name: localText(text.name),
    scale,
    ratesImportance,
    sections: text.sections.map((section, s) => ({
      id: builtinId(base + (s + 1) * 0x1000),
      title: localText(section.title),
      items: section.items.map((item, i) => ({
        id: builtinId(base + (s + 1) * 0x1000 + i + 1),
        text: localText(item),
      })),
    })),
  };
}

export const builtinInstruments: readonly BuiltinInstrument[] = [
  instrument(1, readinessCheckText, 'agreement', false),
  instrument(2, selfAssessmentText, 'progress', true),
];

export const readinessCheckId = builtinInstruments[0].id;
export const selfAssessmentId = builtinInstruments[1].id;

export interface BuiltinBenchmark {
  id: string;
  phase: (typeof phases)[number];
  text: LocalText;
}

export const builtinBenchmarks: readonly BuiltinBenchmark[] = phases.flatMap((phase, p) =>
  (benchmarkTexts[p] ?? []).map((text, i) => ({
    id: builtinId(0x900000 + (p + 1) * 0x100 + i + 1),
    phase,
    text: localText(text),
  })),
);

export const builtinItemIds: ReadonlySet<string> = new Set(
  builtinInstruments.flatMap((one) => one.sections.flatMap((section) => section.items.map((item) => item.id))),
);
