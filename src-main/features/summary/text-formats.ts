import { createEvents, type EventAttributes } from 'ics';
import { AppError } from '../../contract/result';
import type { SessionSummary } from '../../contract/summary';
import { spreadsheetCsv } from '../csv/spreadsheet-csv';
import { apologyLines, redactionLines, sectionNotes, sectorName, tallyText } from './html';
import { dataItemsMarkdown } from './data-items-text';
import { rfc5545Calendar } from './ics-lines';
import { learningBlocks } from './learning-text';
import { hasScorecard, scorecardText, type ScorecardTable } from './scorecard-text';
import { formatWhen, translator } from './text';

/** Markdown's own characters in typed text are escaped so a `*` or `#` stays a character. */
const md = (value: string) => value.replace(/([\\`*_{}[\]<>#|])/g, '\\$1').replace(/\n+/g, ' ');

function markdownTable({ columns, rows }: ScorecardTable): string[] {
  return [
    `| ${columns.map(md).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(md).join(' | ')} |`),
    '',
  ];
}

function scorecardMarkdown(summary: SessionSummary, t: ReturnType<typeof translator>): string[] {
  if (!hasScorecard(summary.scorecard)) return [];
  const text = scorecardText(t, summary.language, summary.scorecard);
  return [
    '',
    `## ${md(text.heading)}`,
    '',
    ...(text.overview ? markdownTable(text.overview) : []),
    ...text.byGroup.flatMap((group) => [`### ${md(group.heading)}`, '', ...markdownTable(group.table)]),
    ...text.notes.flatMap((note) => [md(note), '']),
  ];
}

function learningMarkdown(summary: SessionSummary, t: ReturnType<typeof translator>): string[] {
  return learningBlocks(t, summary.language, summary.learning).flatMap((block) => {
    switch (block.kind) {
      case 'heading':
        return ['', `## ${md(block.text)}`, ''];
      case 'subheading':
        return [`### ${md(block.text)}`, ''];
      case 'paragraph':
        return [md(block.text), ''];
      case 'note':
        return [`*${md(block.text)}*`, ''];
      case 'bullet':
        return [`- ${md(block.text)}`, ''];
      case 'quote':
        return [`> ${md(block.text)} — ${md(block.by)}`, ''];
      case 'table':
        return markdownTable(block.table);
    }
  });
}

export function summaryMarkdown(summary: SessionSummary): string {
  const t = translator(summary.language);
  const { session, attendance } = summary;
  const when = (value: string) => formatWhen(summary.language, value);
  const lines: string[] = [
    `# ${md(session.title)}`,
    '',
    `*${md(t('title'))} · ${md(t(`sessionKinds.${session.kind}`))}*`,
    '',
  ];
  if (summary.partner) lines.push(`**${md(t('forPartner', { name: summary.partner.name }))}**`, '');
  for (const [label, value] of [
    [t('initiative'), summary.initiativeName],
    [t('date'), when(session.startsAt)],
    [t('place'), session.place],
    [t('heldBy'), session.groupName],
    [t('topic'), session.topic],
  ])
    if (value) lines.push(`- **${md(label)}**: ${md(value)}`);
  lines.push('', `## ${md(t('attendance'))}`, '');
  lines.push(
    `${md(t('present', { count: attendance.present }))}; ${md(t('livedExperience', { count: attendance.livedExperience }))}.`,
    '',
  );
  lines.push(`### ${md(t('organisations'))}`, '');
  for (const org of attendance.organisations)
    lines.push(`- ${md(org.name)} (${md(sectorName(t, org.sector))}, ${org.people})`);
  lines.push('', `### ${md(t('sectors'))}`, '');
  for (const entry of attendance.sectors) lines.push(`- ${md(sectorName(t, entry.sector))}: ${entry.people}`);
  if (attendance.named.length) {
    lines.push('', `### ${md(t('people'))}`, '');
    for (const person of attendance.named)
      lines.push(`- ${md(person.name)}${person.organisation ? ` (${md(person.organisation)})` : ''}`);
  }
  if (apologyLines(t, summary).length) {
    lines.push('', `### ${md(t('apologies'))}`, '');
    for (const line of apologyLines(t, summary)) lines.push(`- ${md(line)}`);
  }
  lines.push('', `## ${md(t('agenda'))}`, '');
  summary.agenda.forEach((item, index) => {
    lines.push(
      `${index + 1}. ${md(item.title)} (${md(t(`purposes.${item.purpose}`))}, ${md(t('minutes', { minutes: item.timeboxMinutes }))})`,
    );
    if (item.notes) lines.push(`   ${md(item.notes)}`);
  });
  lines.push(...dataItemsMarkdown(t, summary, md));
  lines.push('', `## ${md(t('decisions'))}`, '');
  for (const decision of summary.decisions) {
    const tally = tallyText(t, decision);
    lines.push(`### ${md(decision.text)}`, '');
    if (decision.agendaItem) lines.push(`- ${md(t('agendaItem'))}: ${md(decision.agendaItem)}`);
    lines.push(`- ${md(t('method'))}: ${md(t(`methods.${decision.method}`))}${tally ? ` (${md(tally)})` : ''}`);
    lines.push(`- ${md(t('outcome'))}: **${md(t(`outcomes.${decision.outcome}`))}**`);
    if (decision.rationale) lines.push(`- ${md(t('rationale'))}: ${md(decision.rationale)}`);
    if (decision.voices.length) {
      lines.push('', `${md(t('voices'))}:`, '');
      for (const voice of decision.voices)
        lines.push(`> ${md(voice.text)} — ${md(voice.pseudonym ?? t('anonymous'))}`, '');
    }
    lines.push('');
  }
  for (const line of sectionNotes(t, summary, 'decisions')) lines.push(md(line), '');
  lines.push(`## ${md(t('actions'))}`, '');
  if (summary.actions.length) {
    lines.push(
      `| ${[t('action'), t('owner'), t('due'), t('group'), t('status')].map(md).join(' | ')} |`,
      '|---|---|---|---|---|',
    );
    for (const action of summary.actions)
      lines.push(
        `| ${[action.text, action.owner || t('unassigned'), action.dueDate ? when(action.dueDate) : t('noDate'), action.group, t(`statuses.${action.status}`)].map(md).join(' | ')} |`,
      );
    lines.push('');
  }
  for (const line of sectionNotes(t, summary, 'actions')) lines.push(md(line));
  lines.push(...scorecardMarkdown(summary, t));
  lines.push(...learningMarkdown(summary, t));
  lines.push('', `## ${md(t('parking'))}`, '');
  if (!summary.parking.length) lines.push(md(t('noParking')));
  for (const item of summary.parking)
    lines.push(`- ${md(item.text)}${item.movedTo ? ` (${md(t('movedTo', { title: item.movedTo }))})` : ''}`);
  lines.push('', `## ${md(t('next'))}`, '');
  const next = summary.nextSession;
  lines.push(
    next
      ? `**${md(next.title)}**: ${md(when(next.startsAt))}${next.place ? `, ${md(next.place)}` : ''}`
      : md(t('noNext')),
  );
  lines.push('', `## ${md(t('redactions'))}`, '');
  const withheld = redactionLines(t, summary);
  lines.push(...(withheld.length ? withheld.map((line) => `- ${md(line)}`) : [md(t('nothingWithheld'))]));
  lines.push('', `---`, '', `*${md(t('footer'))}*`, '');
  return lines.join('\n');
}

/** One row per decision, headers in the summary's language. */
export function decisionsCsv(summary: SessionSummary): string {
  const t = translator(summary.language);
  return spreadsheetCsv([
    [t('decisions'), t('agendaItem'), t('method'), t('tally'), t('outcome'), t('rationale'), t('voices')],
    ...summary.decisions.map((decision) => [
      decision.text,
      decision.agendaItem,
      t(`methods.${decision.method}`),
      tallyText(t, decision),
      t(`outcomes.${decision.outcome}`),
      decision.rationale,
      decision.voices.map((voice) => `${voice.text} (${voice.pseudonym ?? t('anonymous')})`).join(' | '),
    ]),
  ]);
}

export function actionsCsv(summary: SessionSummary): string {
  const t = translator(summary.language);
  return spreadsheetCsv([
    [t('action'), t('owner'), t('due'), t('group'), t('status')],
    // Dates stay ISO (2026-11-23) so a spreadsheet sorts and reads them as dates.
    ...summary.actions.map((action) => [
      action.text,
      action.owner,
      action.dueDate,
      action.group,
      t(`statuses.${action.status}`),
    ]),
  ]);
}

function dateParts(value: string): number[] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return null;
  return match
    .slice(1)
    .filter((part) => part !== undefined)
    .map(Number);
}

/** An all-day event per action with a due date, and the next session at its local time. */
export function summaryCalendar(summary: SessionSummary): string {
  const t = translator(summary.language);
  const events: EventAttributes[] = [];
  summary.actions.forEach((action, index) => {
    const day = dateParts(action.dueDate);
    if (!day) return;
    events.push({
      uid: `${summary.session.id}-action-${index}@common-ground`,
      title: t('calendarAction', { text: action.text }),
      description: [
        action.owner && `${t('owner')}: ${action.owner}`,
        action.group && `${t('group')}: ${action.group}`,
        `${summary.session.title}`,
      ]
        .filter(Boolean)
        .join('\n'),
      start: day as [number, number, number],
      duration: { days: 1 },
    });
  });
  const next = summary.nextSession;
  const start = next ? dateParts(next.startsAt) : null;
  if (next && start) {
    const end = dateParts(next.endsAt);
    const timed = start.length === 5;
    events.push({
      uid: `${summary.session.id}-next@common-ground`,
      title: next.title,
      location: next.place || undefined,
      start: start as [number, number, number, number, number],
      startInputType: 'local',
      startOutputType: 'local',
      ...(end && end.length === start.length
        ? {
            end: end as [number, number, number, number, number],
            endInputType: 'local' as const,
            endOutputType: 'local' as const,
          }
        : { duration: timed ? { hours: 2 } : { days: 1 } }),
    });
  }
  if (events.length === 0)
    throw new AppError(
      'invalid_input',
      'There is nothing to put in a calendar: no action has a due date and no next session is planned.',
    );
  const { error, value } = createEvents(events, { productId: 'common-ground/summary', calName: summary.session.title });
  if (error || !value)
    throw new AppError('invalid_input', `The calendar could not be made: ${error?.message ?? 'no events'}.`);
  return rfc5545Calendar(value);
}
