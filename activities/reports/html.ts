// The consolidation as one self-contained web page: the table of the workbook, styles
// inline, nothing fetched, so it opens from a mail attachment and prints on A4 landscape.
// Unit names, notes and figures come from units: every value is escaped.
import { escapeHtml } from '../notify/html';
import type { Cell, Column, ReportModel } from './model';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

const STYLE = `
@page { size: A4 landscape; margin: 12mm 10mm; }
body { font-family: 'Times New Roman', Times, serif; font-size: 12pt; color: #111; margin: 16px; }
.head { display: flex; justify-content: space-between; gap: 24px; text-align: center; }
.head p { margin: 0; }
.office { font-weight: bold; text-transform: uppercase; max-width: 40%; }
.nation b { display: block; }
.nation .motto { text-decoration: underline; }
.date { font-style: italic; margin-top: 4px !important; }
h1 { font-size: 14pt; text-align: center; margin: 20px 0 4px; }
.item { text-align: center; font-weight: bold; margin: 0; }
.meta { text-align: center; margin: 2px 0; }
table { border-collapse: collapse; width: 100%; margin-top: 12px; font-size: 11pt; }
th, td { border: 1px solid #808080; padding: 4px 6px; vertical-align: middle; }
thead th { background: #d9e1f2; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
td.c { text-align: center; }
td.n { text-align: right; white-space: nowrap; }
td.wrap { white-space: pre-wrap; }
tr.totals td { font-weight: bold; background: #f2f2f2; }
td.s-late { background: #fce4d6; font-weight: bold; }
td.s-missing { background: #f8d7da; font-weight: bold; }
td.s-exempt { background: #ededed; font-weight: bold; }
td.s-returned { background: #fff2cc; font-weight: bold; }
.summary { margin-top: 16px; border-collapse: collapse; width: auto; }
.summary caption { text-align: left; font-weight: bold; padding-bottom: 4px; white-space: nowrap; }
.rule { font-style: italic; font-size: 10pt; margin: 4px 0 0; }
.foot { font-style: italic; font-size: 10pt; margin-top: 16px; }
@media print { body { margin: 0; } th, td.s-late, td.s-missing, td.s-exempt, td.s-returned, tr.totals td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function cellClass(column: Column, cell: Cell): string {
  if (column.kind === 'indicator') return cell.kind === 'number' ? 'n' : 'wrap';
  if (column.kind === 'unit' || column.kind === 'note') return 'wrap';
  return 'c';
}

function td(column: Column, cell: Cell, extraClass = ''): string {
  const classes = [cellClass(column, cell), extraClass].filter(Boolean).join(' ');
  const content = cell.kind === 'empty' ? '' : escapeHtml(cell.text);
  if (cell.kind === 'datetime') return `<td class="${classes}"><time datetime="${escapeHtml(cell.at.toISOString().slice(0, 16))}">${content}</time></td>`;
  return `<td class="${classes}">${content}</td>`;
}

function tableHtml(model: ReportModel): string {
  const head = model.columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('');
  const body = model.rows
    .map((row) => `<tr>${model.columns.map((column, i) => td(column, row.cells[i] ?? { kind: 'empty' }, column.kind === 'status' ? `s-${row.status}` : '')).join('')}</tr>`)
    .join('\n');
  const totals = model.columns.map((column, i) => td(column, model.totals[i] ?? { kind: 'empty' })).join('');
  return `<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
<tr class="totals">${totals}</tr>
</tbody>
</table>`;
}

function summaryHtml(model: ReportModel): string {
  return `<table class="summary">
<caption>${escapeHtml(model.labels.summaryTitle)}</caption>
${model.summary.map(([label, value]) => `<tr><th scope="row" style="text-align:left;font-weight:normal">${escapeHtml(label)}</th><td class="c">${value}</td></tr>`).join('\n')}
</table>`;
}

export function renderHtml(model: ReportModel): string {
  const { labels } = model;
  return `<!DOCTYPE html>
<html lang="${model.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dondoc">
<meta name="dondoc-key" content="${escapeHtml(model.key)}">
<title>${escapeHtml(`${model.title} — ${model.itemTitle} — ${model.periodLabel}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="head">
<p class="office">${escapeHtml(model.officeName)}</p>
<div class="nation"><p><b>${escapeHtml(labels.nation[0])}</b><b class="motto">${escapeHtml(labels.nation[1])}</b></p><p class="date">${escapeHtml(model.documentDate)}</p></div>
</div>
<h1>${escapeHtml(model.title)}</h1>
<p class="item">${escapeHtml(model.itemTitle)}</p>
<p class="meta">${escapeHtml(labels.period)}: ${escapeHtml(model.periodLabel)}</p>
<p class="meta"><i>${escapeHtml(labels.program)}: ${escapeHtml(model.programTitle)}</i></p>
${tableHtml(model)}
${model.totalsNotes.map((n) => `<p class="rule">${escapeHtml(n)}</p>`).join('\n')}
${summaryHtml(model)}
<p class="foot">${escapeHtml(labels.generatedBy)}</p>
</body>
</html>
`;
}
