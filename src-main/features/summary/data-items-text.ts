import type { SessionSummary } from '../../contract/summary';
import { escapeHtml as e } from './html';
import type { ScorecardTable } from './scorecard-text';
import { formatWhen, type Translate } from './text';

/** One data item in the summary's words, laid out once for HTML, Markdown and Word alike. */
export interface DataItemText {
  heading: string;
  agendaItem: string;
  figures: ScorecardTable;
  /** Target and change since baseline, when there are any to say. */
  context: string[];
  lists: { label: string; entries: string[] }[];
  voiceLabel: string;
  quotes: { text: string; by: string }[];
}

export function dataItemsText(t: Translate, summary: SessionSummary): { heading: string; items: DataItemText[] } {
  const number = new Intl.NumberFormat(summary.language, { maximumFractionDigits: 2 });
  const change = new Intl.NumberFormat(summary.language, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const withUnit = (value: number, unit: string) => (unit ? `${number.format(value)} ${unit}` : number.format(value));
  const items = summary.dataItems.map((item): DataItemText => {
    const { indicator } = item;
    const rows = [
      [
        t('scorecard.total'),
        indicator.total === null ? t('dataItems.notShown') : withUnit(indicator.total, indicator.unit),
        '',
      ],
      ...indicator.groups.map((group) => [
        `${group.dimension}: ${group.category}`,
        withUnit(group.value, indicator.unit),
        number.format(group.count),
      ]),
    ];
    const context = [
      ...(indicator.target
        ? [
            `${t('scorecard.target')}: ${t('scorecard.targetFor', {
              value: withUnit(indicator.target.value, indicator.unit),
              period: indicator.target.period,
            })}`,
          ]
        : []),
      ...(indicator.changeSinceBaseline !== null && indicator.baseline
        ? [
            t('scorecard.changeFrom', {
              change: change.format(indicator.changeSinceBaseline),
              period: indicator.baseline.period,
            }),
          ]
        : []),
    ];
    const when = (value: string) => (value ? formatWhen(summary.language, value) : t('noDate'));
    return {
      heading: indicator.period
        ? t('dataItems.indicator', { name: indicator.name, period: indicator.period })
        : t('dataItems.indicatorNoReadings', { name: indicator.name }),
      agendaItem: `${t('agendaItem')}: ${item.agendaItem}`,
      figures: { columns: [t('scorecard.group'), t('scorecard.value'), t('scorecard.people')], rows },
      context,
      lists: [
        { label: t('dataItems.helps'), entries: item.helps },
        { label: t('dataItems.holdsBack'), entries: item.holdsBack },
        {
          label: t('dataItems.decisions'),
          entries: item.decisions.map((d) => `${d.text} (${t(`outcomes.${d.outcome}`)})`),
        },
        {
          label: t('dataItems.actions'),
          entries: item.actions.map(
            (a) => `${a.text} — ${a.owner || t('unassigned')}, ${when(a.dueDate)}, ${t(`statuses.${a.status}`)}`,
          ),
        },
      ].filter((list) => list.entries.length > 0),
      voiceLabel: t('dataItems.voices'),
      quotes: item.voices.map((voice) => ({
        text: voice.text,
        by: `${voice.pseudonym ?? t('anonymous')}, ${t(`noteKinds.${voice.kind}`)}`,
      })),
    };
  });
  return { heading: t('dataItems.title'), items };
}

function tableHtml({ columns, rows }: ScorecardTable): string {
  const cells = (tag: 'th' | 'td', values: string[]) => values.map((v) => `<${tag}>${e(v)}</${tag}>`).join('');
  return `<table><thead><tr>${cells('th', columns)}</tr></thead><tbody>${rows
    .map((row) => `<tr>${cells('td', row)}</tr>`)
    .join('')}</tbody></table>`;
}

/** The data items as HTML: the page the preview shows and the PDF is printed from. */
export function dataItemsHtml(t: Translate, summary: SessionSummary): string {
  if (!summary.dataItems.length) return '';
  const text = dataItemsText(t, summary);
  return `<section class="data-items"><h2>${e(text.heading)}</h2>${text.items
    .map(
      (item) => `<h3>${e(item.heading)}</h3>
<p class="muted">${e(item.agendaItem)}</p>
${tableHtml(item.figures)}
${item.context.map((line) => `<p>${e(line)}</p>`).join('')}
${item.lists.map((list) => `<p>${e(list.label)}</p><ul>${list.entries.map((entry) => `<li>${e(entry)}</li>`).join('')}</ul>`).join('')}
${item.quotes.length ? `<p class="muted">${e(item.voiceLabel)}</p>${item.quotes.map((quote) => `<blockquote>${e(quote.text)} <span class="muted">— ${e(quote.by)}</span></blockquote>`).join('')}` : ''}`,
    )
    .join('')}</section>`;
}

/** The data items as Markdown; `md` escapes typed text as the rest of the summary does. */
export function dataItemsMarkdown(t: Translate, summary: SessionSummary, md: (value: string) => string): string[] {
  if (!summary.dataItems.length) return [];
  const text = dataItemsText(t, summary);
  const lines = ['', `## ${md(text.heading)}`, ''];
  for (const item of text.items) {
    lines.push(`### ${md(item.heading)}`, '', `*${md(item.agendaItem)}*`, '');
    const { columns, rows } = item.figures;
    lines.push(
      `| ${columns.map(md).join(' | ')} |`,
      `|${columns.map(() => '---').join('|')}|`,
      ...rows.map((row) => `| ${row.map(md).join(' | ')} |`),
      '',
    );
    for (const line of item.context) lines.push(md(line), '');
    for (const list of item.lists) lines.push(`${md(list.label)}:`, '', ...list.entries.map((x) => `- ${md(x)}`), '');
    if (item.quotes.length) {
      lines.push(`${md(item.voiceLabel)}:`, '');
      for (const quote of item.quotes) lines.push(`> ${md(quote.text)} — ${md(quote.by)}`, '');
    }
  }
  return lines;
}
