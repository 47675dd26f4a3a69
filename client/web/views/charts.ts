// The dashboard's pictures as inline SVG drawn on the server: no script, no client bundle,
// nothing the Content-Security-Policy has to allow (presentation attributes, not style).
// Every chart names itself (<title>, <desc>), writes its numbers in the picture, marks
// categories by a glyph as well as a colour, and has the same figures as a table below it.
import { CATEGORIES, type Category, type ChartData, type ColumnBar, type HeatRow } from '../data/charts';
import type { Names } from '../data/names';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';

/** Colours readable on white and in greyscale print, each paired with a glyph. */
export const COLOURS: Record<Category, { fill: string; ink: string; glyph: string }> = {
  onTime: { fill: '#2e7d32', ink: '#ffffff', glyph: '✓' },
  late: { fill: '#e0a100', ink: '#1a1a1a', glyph: '!' },
  missing: { fill: '#b3261e', ink: '#ffffff', glyph: '✗' },
  exempt: { fill: '#8a8f98', ink: '#ffffff', glyph: '–' },
  pending: { fill: '#c9ddf5', ink: '#1a1a1a', glyph: '…' },
};

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif';

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const pct = (r: number | undefined) => (r === undefined ? '—' : `${Math.round(r * 100)}%`);

export function columnTitle(bar: Pick<ColumnBar, 'column'>, names: Names): string {
  const { itemId, period, itemTitle } = bar.column;
  const p = names.period(itemId, period);
  return `${names.itemShort(itemId, itemTitle)}${p ? ` · ${p}` : ''}`;
}

export function legend(t: Messages): SafeHtml {
  return html`<ul class="legend">${CATEGORIES.map(
    (c) => html`<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><rect width="16" height="16" rx="2" fill="${COLOURS[c].fill}"/><text x="8" y="12" text-anchor="middle" font-size="11" font-family="${FONT}" fill="${COLOURS[c].ink}">${COLOURS[c].glyph}</text></svg>${t.board.cat[c]}</li>`,
  )}</ul>`;
}

function tallyText(tally: Record<Category, number>, t: Messages): string {
  return CATEGORIES.filter((c) => tally[c] > 0)
    .map((c) => `${t.board.cat[c]}: ${tally[c]}`)
    .join(', ');
}

/** Per item and period: one bar of the units' outcomes (shares of the whole), counts written in. */
export function stackedBars(data: ChartData, names: Names, t: Messages): SafeHtml {
  if (data.bars.length === 0) return html`<p class="muted">${t.board.noData}</p>`;
  // Drawn 420 units wide: on a phone (about 360 px) the text stays near 12 px; on a desk the
  // figure is capped by CSS so it does not grow huge.
  const W = 420;
  const rowH = 46;
  const barW = 340;
  const H = data.bars.length * rowH + 8;
  const rows = data.bars.map((b, i) => {
    const y = i * rowH + 4;
    let x = 0;
    const label = columnTitle(b, names);
    const segments = CATEGORIES.filter((c) => b.tally[c] > 0).map((c) => {
      const w = (b.tally[c] / b.total) * barW;
      const seg = html`<rect x="${x.toFixed(1)}" y="${y + 19}" width="${w.toFixed(1)}" height="22" fill="${COLOURS[c].fill}"><title>${label} — ${t.board.cat[c]}: ${b.tally[c]}</title></rect>${
        w >= 26 ? html`<text x="${(x + w / 2).toFixed(1)}" y="${y + 35}" text-anchor="middle" font-size="15" fill="${COLOURS[c].ink}">${COLOURS[c].glyph}${b.tally[c]}</text>` : ''
      }`;
      x += w;
      return seg;
    });
    return html`<g><text x="0" y="${y + 14}" font-size="16" fill="#1a1a1a">${clip(label, 46)}</text>${segments}<text x="${barW + 6}" y="${y + 35}" font-size="13" fill="#4a4f57">${t.board.units(b.total)}</text></g>`;
  });
  return html`<figure class="chart"><svg role="img" aria-labelledby="bars-t bars-d" viewBox="0 0 ${W} ${H}" width="100%" font-family="${FONT}" data-chart="bars">
    <title id="bars-t">${t.board.byColumn}</title><desc id="bars-d">${data.bars.map((b) => `${columnTitle(b, names)}: ${tallyText(b.tally, t)}`).join('; ')}</desc>${rows}</svg>
    <details><summary>${t.board.asTable}</summary><div class="scroll" role="region" tabindex="0" aria-label="${t.board.byColumn}"><table>
      <tr><th scope="col">${t.office.item}</th>${CATEGORIES.map((c) => html`<th scope="col">${t.board.cat[c]}</th>`)}<th scope="col">${t.office.total}</th></tr>
      ${data.bars.map((b) => html`<tr><th scope="row">${columnTitle(b, names)}</th>${CATEGORIES.map((c) => html`<td>${b.tally[c]}</td>`)}<td>${b.total}</td></tr>`)}
    </table></div></details></figure>`;
}

function heatCellTitle(row: HeatRow, m: number, year: number, names: Names, t: Messages): string {
  const slot = row.months[m];
  const who = names.unit(row.unitId, row.unitName);
  return `${who} — ${t.board.monthLong(m + 1, year)}: ${slot ? tallyText(slot.tally, t) : t.board.nothingDue}`;
}

/** Units down, months of the year across; each cell the worst outcome of what fell due that month. */
export function heatMap(data: ChartData, names: Names, t: Messages): SafeHtml {
  const rows = data.heat.filter((r) => r.months.some((m) => m !== undefined));
  if (rows.length === 0) return html`<p class="muted">${t.board.noData}</p>`;
  // Each unit's name on its own line above its twelve cells: full names, and 420 units wide
  // so that a phone shows the whole year without scrolling.
  const cell = 35;
  const rowH = 44;
  const W = 12 * cell;
  const H = 20 + rows.length * rowH;
  const header = Array.from({ length: 12 }, (_, m) => html`<text x="${m * cell + cell / 2}" y="14" text-anchor="middle" font-size="13" fill="#4a4f57">${t.board.month(m + 1)}</text>`);
  const body = rows.map((r, i) => {
    const y = 20 + i * rowH;
    const name = names.unit(r.unitId, r.unitName);
    return html`<g><text x="0" y="${y + 14}" font-size="15" fill="#1a1a1a">${clip(name, 50)}</text>${r.months.map((slot, m) => {
      const x = m * cell;
      const top = y + 18;
      if (!slot) return html`<rect x="${x + 1}" y="${top}" width="${cell - 2}" height="22" fill="#f4f5f7" stroke="#d5d9e0"><title>${heatCellTitle(r, m, data.year, names, t)}</title></rect>`;
      const c = COLOURS[slot.worst];
      return html`<rect x="${x + 1}" y="${top}" width="${cell - 2}" height="22" fill="${c.fill}" data-cat="${slot.worst}"><title>${heatCellTitle(r, m, data.year, names, t)}</title></rect><text x="${x + cell / 2}" y="${top + 16}" text-anchor="middle" font-size="13" fill="${c.ink}" aria-hidden="true">${c.glyph}</text>`;
    })}</g>`;
  });
  return html`<figure class="chart"><svg role="img" aria-labelledby="heat-t heat-d" viewBox="0 0 ${W} ${H}" width="100%" font-family="${FONT}" data-chart="heat">
    <title id="heat-t">${t.board.heat(data.year)}</title><desc id="heat-d">${t.board.heatDesc}</desc>${header}${body}</svg>
    <details><summary>${t.board.asTable}</summary><div class="scroll" role="region" tabindex="0" aria-label="${t.board.heat(data.year)}"><table>
      <tr><th scope="col">${t.office.unit}</th>${Array.from({ length: 12 }, (_, m) => html`<th scope="col">${t.board.month(m + 1)}</th>`)}</tr>
      ${rows.map((r) => html`<tr><th scope="row">${names.unit(r.unitId, r.unitName)}</th>${r.months.map((slot) => html`<td>${slot ? t.board.cat[slot.worst] : ''}</td>`)}</tr>`)}
    </table></div></details></figure>`;
}

/** The on-time rate of what fell due each month, as bars with the percentage written above. */
export function rateChart(data: ChartData, t: Messages): SafeHtml {
  const W = 420;
  const H = 170;
  const top = 24;
  const plotH = 110;
  const slot = W / 12;
  const bars = data.rates.map((r, i) => {
    const x = i * slot + 5;
    const w = slot - 10;
    const h = r.rate === undefined ? 0 : Math.max(2, r.rate * plotH);
    const y = top + plotH - h;
    const label = r.rate === undefined ? '—' : pct(r.rate);
    return html`<g><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS.onTime.fill}"><title>${t.board.monthLong(r.month, data.year)}: ${r.rate === undefined ? t.board.nothingDue : t.board.rateOf(r.onTime, r.due)}</title></rect>
      <text x="${(x + w / 2).toFixed(1)}" y="${(y - 5).toFixed(1)}" text-anchor="middle" font-size="12" fill="#1a1a1a">${label}</text>
      <text x="${(x + w / 2).toFixed(1)}" y="${top + plotH + 20}" text-anchor="middle" font-size="13" fill="#4a4f57">${t.board.month(r.month)}</text></g>`;
  });
  return html`<figure class="chart"><svg role="img" aria-labelledby="rate-t rate-d" viewBox="0 0 ${W} ${H}" width="100%" font-family="${FONT}" data-chart="rate">
    <title id="rate-t">${t.board.rate(data.year)}</title><desc id="rate-d">${data.rates.map((r) => `${t.board.monthLong(r.month, data.year)}: ${pct(r.rate)}`).join('; ')}</desc>
    <line x1="0" x2="${W}" y1="${top}" y2="${top}" stroke="#d5d9e0" stroke-dasharray="4 4"/><line x1="0" x2="${W}" y1="${top + plotH}" y2="${top + plotH}" stroke="#767b83"/>${bars}</svg>
    <details><summary>${t.board.asTable}</summary><div class="scroll" role="region" tabindex="0" aria-label="${t.board.rate(data.year)}"><table>
      <tr><th scope="col">${t.board.monthCol}</th><th scope="col">${t.board.dueCol}</th><th scope="col">${t.board.cat.onTime}</th><th scope="col">${t.board.rateCol}</th></tr>
      ${data.rates.map((r) => html`<tr><th scope="row">${t.board.monthLong(r.month, data.year)}</th><td>${r.due}</td><td>${r.onTime}</td><td>${pct(r.rate)}</td></tr>`)}
    </table></div></details></figure>`;
}

export function chartsSection(data: ChartData, names: Names, t: Messages): SafeHtml {
  return html`<section aria-labelledby="charts-h" class="charts"><h2 id="charts-h">${t.board.charts}</h2>
    ${legend(t)}
    <p class="big-rate">${t.board.yearRate(data.year)}: <b>${pct(data.yearRate)}</b></p>
    <h3>${t.board.byColumn}</h3>${stackedBars(data, names, t)}
    <h3>${t.board.heat(data.year)}</h3>${heatMap(data, names, t)}
    <h3>${t.board.rate(data.year)}</h3>${rateChart(data, t)}
  </section>`;
}
