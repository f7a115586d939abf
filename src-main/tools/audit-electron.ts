/**
 * npm run audit:electron: Doyensec's Electronegativity over the built app (`out/`), failing only on
 * findings that `.ci/electronegativity-explained.json` does not explain. Runs offline: the check
 * that downloads Electron's release list is skipped, and the Electron version is given, not guessed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
).version;

interface Explained {
  check: string;
  file: string;
  sample: string;
  why: string;
}

interface SarifResult {
  ruleId: string;
  level?: string;
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number; startColumn?: number; charLength?: number };
    };
  }[];
}

/** The line a finding points at, read back from the built file (SARIF gives its place, not its text). */
function sampleOf(file: string, region: { startLine?: number }): string {
  const path = join(root, 'out', file);
  if (!file || !existsSync(path) || !region.startLine) return '';
  return (readFileSync(path, 'utf8').split('\n')[region.startLine - 1] ?? '').trim().slice(0, 2000);
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('Build first (npm run build): the audit reads the built app in out/.');
  process.exit(2);
}
const temp = mkdtempSync(join(tmpdir(), 'cg-electronegativity-'));
// SARIF, not CSV: the tool's CSV writer sometimes cuts the start off its first record (seen here:
// the CSP finding's line began mid-sample), which made the same build pass one run and fail the next.
const report = join(temp, 'report.sarif');
try {
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'electronegativity'),
    [
      '-i',
      join(root, 'out'),
      '-r',
      '-e',
      electronVersion,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-v',
      'false',
      '-o',
      report,
    ],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en' } },
  );
  if (run.status !== 0 || !existsSync(report)) {
    console.error(run.stdout, run.stderr);
    console.error(`electronegativity did not finish (status ${run.status}).`);
    process.exit(2);
  }
  const explained = (
    JSON.parse(readFileSync(join(root, '.ci', 'electronegativity-explained.json'), 'utf8')) as {
      explained: Explained[];
    }
  ).explained;
  const sarif = JSON.parse(readFileSync(report, 'utf8')) as { runs: { results: SarifResult[] }[] };
  const findings = sarif.runs
    .flatMap((run) => run.results)
    .map((result) => {
      const place = result.locations?.[0]?.physicalLocation;
      const file = place?.artifactLocation?.uri ?? '';
      const region = place?.region ?? {};
      return {
        check: result.ruleId,
        severity: (result.level ?? '').toUpperCase(),
        file,
        location: `${region.startLine ?? '?'}:${region.startColumn ?? '?'}`,
        sample: sampleOf(file, region),
      };
    });
  const unexplained = findings.filter(
    (finding) =>
      !explained.some(
        (known) =>
          known.check === finding.check && known.file === finding.file && finding.sample.includes(known.sample),
      ),
  );
  for (const finding of findings) {
    const mark = unexplained.includes(finding) ? 'NOT EXPLAINED' : 'explained';
    console.log(
      `${mark.padEnd(13)} ${finding.check} ${finding.severity} ${finding.file}:${finding.location}  ${finding.sample.slice(0, 80)}`,
    );
  }
  console.log(
    `electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${unexplained.length} not explained`,
  );
  if (unexplained.length > 0) {
    console.error('Fix these, or explain them in .ci/electronegativity-explained.json and .ci/SECURITY.md.');
    process.exit(1);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
