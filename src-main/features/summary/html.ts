import type { SessionSummary } from '../../contract/summary';
import { knownSectors } from '../../contract/models';
import { containsArabic, embeddedArabicSource } from './arabic-font';
import { learningBlocks } from './learning-text';
import { dataItemsHtml } from './data-items-text';
import { hasScorecard, scorecardText, type ScorecardTable } from './scorecard-text';
import { formatWhen, translator, type Translate } from './text';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => escapes[char]);

/** A sector's name in the summary's language; a custom sector as the facilitator typed it. */
export function sectorName(t: Translate, sector: string): string {
  return (knownSectors as readonly string[]).includes(sector) ? t(`sectors.${sector}`) : sector;
}

/** The tally in words for the decision's method; nothing for consensus. */
export function tallyText(t: Translate, decision: SessionSummary['decisions'][number]): string {
  const { tally } = decision;
  switch (decision.method) {
    case 'majority':
      return t('tallyVote', { for: tally.for, against: tally.against, abstain: tally.abstain });
    case 'fist_to_five':
      return t('tallyFist', { counts: tally.fist.join(' · ') });
    case 'consent':
      return tally.objections ? t('objections', { text: tally.objections }) : '';
    case 'consensus':
      return '';
  }
}

/** Who was invited and not there: names as the summary may show them, then the residents counted. */
export function apologyLines(t: Translate, summary: SessionSummary): string[] {
  const { names, livedExperience } = summary.attendance.apologies;
  return livedExperience ? [...names, t('apologiesLivedExperience', { count: livedExperience })] : names;
}

/**
 * What a section says when it lists nothing, and what a partner's copy says about what it left out:
 * "no decisions were recorded" would be false when decisions were made that do not concern them.
 */
export function sectionNotes(t: Translate, summary: SessionSummary, section: 'decisions' | 'actions'): string[] {
  const [shown, leftOut, none, leftOutKey] =
    section === 'decisions'
      ? [summary.decisions.length, summary.decisionsLeftOut, 'noDecisions', 'decisionsLeftOut']
      : [summary.actions.length, summary.actionsLeftOut, 'noActions', 'actionsLeftOut'];
  if (leftOut > 0) return [t(leftOutKey, { count: leftOut })];
  return shown ? [] : [t(none)];
}

export function redactionLines(t: Translate, summary: SessionSummary): string[] {
  return summary.redactions.map((entry) => t(`reasons.${entry.reason}`, { count: entry.count }));
}

// Logical properties (inline-start, not left) so the same sheet lays out Arabic right to left.
// Arabic letters come from a font whose contextual forms are reached only through its shaping
// tables (Amiri, Noto Naskh/Sans Arabic). Chromium's PDF writer labels each glyph with the first
// code point the font's character map gives it: with DejaVu Sans or Arial, which also map the
// Unicode presentation forms, the text layer held those forms, and the lam-alef ligature came out
// of copy, search and pdftotext reversed ("االجتماعات"). unicode-range keeps Latin text as it was.
function fontFaces(withEmbeddedFont: boolean): string {
  const face = (weight: 'normal' | 'bold', locals: string) => {
    const embedded = withEmbeddedFont ? embeddedArabicSource(weight) : null;
    return `
  @font-face {
    font-family: "Summary Arabic";
    font-weight: ${weight};
    src: ${locals}${embedded ? `, ${embedded}` : ''};
    unicode-range: U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF;
  }`;
  };
  return (
    face(
      'normal',
      'local("Noto Naskh Arabic"), local("NotoNaskhArabic-Regular"), local("Noto Sans Arabic"), local("NotoSansArabic-Regular"), local("Amiri"), local("Amiri-Regular")',
    ) +
    face(
      'bold',
      'local("Noto Naskh Arabic Bold"), local("NotoNaskhArabic-Bold"), local("Noto Sans Arabic Bold"), local("NotoSansArabic-Bold"), local("Amiri Bold"), local("Amiri-Bold")',
    )
  );
}

const styles = `
  @page { size: A4; margin: 18mm 16mm; }
  :root { color: #1d2521; font: 11pt/1.45 "Summary Arabic", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
  body { margin: 0 auto; max-width: 48rem; padding: 1.5rem; }
  h1 { font-size: 20pt; margin: 0 0 0.2rem; color: #1f6f5c; }
  h2 { font-size: 13pt; margin: 1.4rem 0 0.5rem; padding-block-end: 0.2rem; border-block-end: 2px solid #1f6f5c; }
  .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.6rem 0; }
  .meta dt { font-weight: 600; }
  .meta dd { margin: 0; }
  .muted { color: #5b6660; }
  ol, ul { padding-inline-start: 1.4rem; margin: 0.3rem 0; }
  .decision { break-inside: avoid; border-inline-start: 4px solid #1f6f5c; padding-inline-start: 0.8rem; margin: 0.8rem 0; }
  .decision p { margin: 0.2rem 0; }
  .decision .text { font-weight: 600; }
  blockquote { margin: 0.3rem 0; padding-inline-start: 0.8rem; border-inline-start: 3px solid #c9a227; font-style: italic; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.3rem 0.4rem; border-block-end: 1px solid #d6ddd9; vertical-align: top; }
  th { background: #eef3f0; }
  tr { break-inside: avoid; }
  footer { margin-top: 2rem; font-size: 9pt; }
  @media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
`;

function table({ columns, rows }: ScorecardTable): string {
  const cells = (tag: 'th' | 'td', values: string[]) => values.map((v) => `<${tag}>${escapeHtml(v)}</${tag}>`).join('');
  return `<table><thead><tr>${cells('th', columns)}</tr></thead><tbody>${rows
    .map((row) => `<tr>${cells('td', row)}</tr>`)
    .join('')}</tbody></table>`;
}

/** The shared measurement scorecard, suppression already applied when the summary was built. */
function scorecardHtml(summary: SessionSummary, t: Translate): string {
  if (!hasScorecard(summary.scorecard)) return '';
  const text = scorecardText(t, summary.language, summary.scorecard);
  return `<section class="scorecard"><h2>${escapeHtml(text.heading)}</h2>
${text.overview ? table(text.overview) : ''}
${text.byGroup.map((group) => `<h3>${escapeHtml(group.heading)}</h3>${table(group.table)}`).join('')}
${text.notes.map((note) => `<p class="muted">${escapeHtml(note)}</p>`).join('')}</section>`;
}

/** The learning part: review, the actions it led to, shared stories, readiness headline, phase. */
function learningHtml(summary: SessionSummary, t: Translate): string {
  const blocks = learningBlocks(t, summary.language, summary.learning);
  if (!blocks.length) return '';
  const html = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `<h2>${escapeHtml(block.text)}</h2>`;
      case 'subheading':
        return `<h3>${escapeHtml(block.text)}</h3>`;
      case 'paragraph':
        return `<p>${escapeHtml(block.text)}</p>`;
      case 'note':
        return `<p class="muted">${escapeHtml(block.text)}</p>`;
      case 'bullet':
        return `<ul><li>${escapeHtml(block.text)}</li></ul>`;
      case 'quote':
        return `<blockquote>${escapeHtml(block.text)} <span class="muted">— ${escapeHtml(block.by)}</span></blockquote>`;
      case 'table':
        return table(block.table);
    }
  });
  // Bullets next to each other make one list, not a list per line.
  return `<section class="learning">${html.join('\n').replace(/<\/ul>\n<ul>/g, '')}</section>`;
}

function list(items: string[], empty: string): string {
  return items.length
    ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`
    : `<p class="muted">${empty}</p>`;
}

/**
 * The one HTML rendering of a summary: a self-contained page (no scripts, no outside resources),
 * shown in the app's preview and printed to PDF as it is.
 */
export function renderSummaryHtml(summary: SessionSummary): string {
  const t = translator(summary.language);
  const e = escapeHtml;
  const { session, attendance } = summary;
  const meta: [string, string][] = [
    [t('initiative'), summary.initiativeName],
    [t('date'), formatWhen(summary.language, session.startsAt)],
    [t('place'), session.place],
    [t('heldBy'), session.groupName],
    [t('topic'), session.topic],
  ];
  const decisions = summary.decisions.map((decision) => {
    const tally = tallyText(t, decision);
    const voices = decision.voices
      .map(
        (voice) =>
          `<blockquote>${e(voice.text)} <span class="muted">— ${e(voice.pseudonym ?? t('anonymous'))}, ${e(t(`noteKinds.${voice.kind}`))}</span></blockquote>`,
      )
      .join('');
    return `<section class="decision">
      <p class="text">${e(decision.text)}</p>
      ${decision.agendaItem ? `<p class="muted">${e(t('agendaItem'))}: ${e(decision.agendaItem)}</p>` : ''}
      <p>${e(t('method'))}: ${e(t(`methods.${decision.method}`))}${tally ? ` — ${e(t('tally'))}: ${e(tally)}` : ''}</p>
      <p>${e(t('outcome'))}: <strong>${e(t(`outcomes.${decision.outcome}`))}</strong></p>
      ${decision.rationale ? `<p>${e(t('rationale'))}: ${e(decision.rationale)}</p>` : ''}
      ${voices ? `<p class="muted">${e(t('voices'))}</p>${voices}` : ''}
    </section>`;
  });
  const actionNotes = sectionNotes(t, summary, 'actions')
    .map((line) => `<p class="muted">${e(line)}</p>`)
    .join('');
  const actions = summary.actions.length
    ? `<table><thead><tr><th>${e(t('action'))}</th><th>${e(t('owner'))}</th><th>${e(t('due'))}</th><th>${e(t('group'))}</th><th>${e(t('status'))}</th></tr></thead><tbody>${summary.actions
        .map(
          (action) =>
            `<tr><td>${e(action.text)}</td><td>${e(action.owner || t('unassigned'))}</td><td>${e(action.dueDate ? formatWhen(summary.language, action.dueDate) : t('noDate'))}</td><td>${e(action.group)}</td><td>${e(t(`statuses.${action.status}`))}</td></tr>`,
        )
        .join('')}</tbody></table>${actionNotes}`
    : actionNotes;
  const next = summary.nextSession;
  return `<!doctype html>
<html lang="${summary.language}" dir="${summary.direction}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${e(session.title)} — ${e(t('title'))}</title>
<style>${fontFaces(summary.language === 'ar' || containsArabic(JSON.stringify(summary)))}${styles}</style>
</head>
<body>
<header>
  <p class="muted">${e(t('title'))} · ${e(t(`sessionKinds.${session.kind}`))}</p>
  <h1>${e(session.title)}</h1>
  ${summary.partner ? `<p><strong>${e(t('forPartner', { name: summary.partner.name }))}</strong></p>` : ''}
  <dl class="meta">${meta
    .filter(([, value]) => value)
    .map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`)
    .join('')}</dl>
</header>
<h2>${e(t('attendance'))}</h2>
<p>${e(t('present', { count: attendance.present }))}; ${e(t('livedExperience', { count: attendance.livedExperience }))}.</p>
<h3>${e(t('organisations'))}</h3>
${list(
  attendance.organisations.map(
    (org) => `${e(org.name)} <span class="muted">(${e(sectorName(t, org.sector))}, ${org.people})</span>`,
  ),
  '—',
)}
<h3>${e(t('sectors'))}</h3>
${list(
  attendance.sectors.map((entry) => `${e(sectorName(t, entry.sector))}: ${entry.people}`),
  '—',
)}
${
  attendance.named.length
    ? `<h3>${e(t('people'))}</h3>${list(
        attendance.named.map((person) =>
          e(person.organisation ? `${person.name} (${person.organisation})` : person.name),
        ),
        '',
      )}`
    : ''
}
${apologyLines(t, summary).length ? `<h3>${e(t('apologies'))}</h3>${list(apologyLines(t, summary).map(e), '')}` : ''}
<h2>${e(t('agenda'))}</h2>
${summary.agenda.length ? `<ol>${summary.agenda.map((item) => `<li>${e(item.title)} <span class="muted">(${e(t(`purposes.${item.purpose}`))}, ${e(t('minutes', { minutes: item.timeboxMinutes }))})</span>${item.notes ? `<p>${e(item.notes)}</p>` : ''}</li>`).join('')}</ol>` : '<p class="muted">—</p>'}
${dataItemsHtml(t, summary)}
<h2>${e(t('decisions'))}</h2>
${decisions.join('')}${sectionNotes(t, summary, 'decisions')
    .map((line) => `<p class="muted">${e(line)}</p>`)
    .join('')}
<h2>${e(t('actions'))}</h2>
${actions}
${scorecardHtml(summary, t)}
${learningHtml(summary, t)}
<h2>${e(t('parking'))}</h2>
${list(
  summary.parking.map(
    (item) =>
      `${e(item.text)}${item.movedTo ? ` <span class="muted">(${e(t('movedTo', { title: item.movedTo }))})</span>` : ''}`,
  ),
  e(t('noParking')),
)}
<h2>${e(t('next'))}</h2>
${next ? `<p><strong>${e(next.title)}</strong> — ${e(formatWhen(summary.language, next.startsAt))}${next.place ? `, ${e(next.place)}` : ''}</p>` : `<p class="muted">${e(t('noNext'))}</p>`}
<h2>${e(t('redactions'))}</h2>
${list(redactionLines(t, summary).map(e), e(t('nothingWithheld')))}
<footer class="muted">${e(t('footer'))}</footer>
</body>
</html>
`;
}
