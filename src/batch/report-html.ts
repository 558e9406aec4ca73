import { BINS, type BatchStats, type DocumentFigures } from './stats.js';

// One self-contained page: styles inline, the chart as inline SVG, no script and no network, so it
// opens from file:// on any machine and prints as it shows. Every figure the stats hold is in an
// element with data-stat (and its raw value in data-value), which is what the browser test reads.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const int = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (key: string, value: number, text = int(value)) => `<span data-stat="${esc(key)}" data-value="${value}">${text}</span>`;

const CSS = `
:root { --fg: #1d2125; --muted: #5c6670; --line: #d8dde2; --removed: #fde8e6; --removed-line: #d4473a; --bar: #3a6fb0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.muted, figcaption { color: var(--muted); font-size: .85rem; }
.partial { background: #fff3cd; border: 1px solid #e0c060; padding: .5rem .75rem; border-radius: 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.card b { display: block; font-size: 1.3rem; } .card small { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code, .rule { font: .8rem ui-monospace, SFMono-Regular, Menlo, monospace; }
svg { max-width: 100%; height: auto; } svg text { font: 11px system-ui, sans-serif; fill: var(--muted); } svg rect.bar { fill: var(--bar); }
details { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; padding: .25rem .75rem; }
summary { cursor: pointer; padding: .25rem 0; }
.doc p { margin: .4rem 0; } .doc p.removed { background: var(--removed); border-left: 3px solid var(--removed-line); padding: .15rem .5rem; text-decoration: line-through; text-decoration-color: rgba(212,71,58,.5); }
.doc p.removed .rule { text-decoration: none; display: inline-block; margin-right: .4rem; color: #8a241b; }
.legend span { display: inline-block; padding: 0 .4rem; margin-right: .5rem; } .legend .r { background: var(--removed); border-left: 3px solid var(--removed-line); }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } details { break-inside: avoid; } summary { list-style: none; } h2 { break-after: avoid; } }
`;

function histogram(stats: BatchStats): string {
  const w = 640;
  const h = 180;
  const pad = 28;
  const max = Math.max(1, ...stats.histogram);
  const bw = (w - pad * 2) / BINS;
  const bars = stats.histogram
    .map((n, i) => {
      const bh = ((h - pad * 2) * n) / max;
      const x = pad + i * bw;
      const y = h - pad - bh;
      const label = `${(i * 100) / BINS}–${((i + 1) * 100) / BINS}%`;
      return `<g><title>${label}: ${int(n)} documents</title><rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${bh.toFixed(1)}"/>${n ? `<text x="${(x + bw / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" data-stat="histogram.${i}" data-value="${n}">${int(n)}</text>` : ''}</g>`;
    })
    .join('');
  const ticks = [0, 25, 50, 75, 100].map((p) => `<text x="${(pad + ((w - pad * 2) * p) / 100).toFixed(1)}" y="${h - 8}" text-anchor="middle">${p}%</text>`).join('');
  return `<figure><svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Documents by share of words removed"><line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/>${bars}${ticks}</svg><figcaption>Documents by the share of their words that cleaning removed (${BINS} bins of ${100 / BINS}%). Hover a bar for its count.</figcaption></figure>`;
}

function rulesTable(stats: BatchStats): string {
  const rows = Object.entries(stats.rules).sort((a, b) => b[1].words - a[1].words || (a[0] < b[0] ? -1 : 1));
  if (rows.length === 0) return '<p class="muted">No rule removed anything.</p>';
  const body = rows
    .map(([rule, f]) => `<tr data-rule="${esc(rule)}"><td><code>${esc(rule)}</code></td><td class="n">${num(`rules.${rule}.documents`, f.documents)}</td><td class="n">${num(`rules.${rule}.blocks`, f.blocks)}</td><td class="n">${num(`rules.${rule}.words`, f.words)}</td><td class="n">${pct(stats.removedWords ? f.words / stats.removedWords : 0)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>rule</th><th class="n">documents</th><th class="n">blocks</th><th class="n">words</th><th class="n">share of removed words</th></tr></thead><tbody>${body}</tbody></table>`;
}

function documentView(d: DocumentFigures, i: number): string {
  const parts = d.parts
    .map((p) => (p.rule ? `<p class="removed" title="${esc(p.reason ?? '')}"><span class="rule">${esc(p.rule)}</span>${esc(p.text)}</p>` : `<p>${esc(p.text)}</p>`))
    .join('');
  const more = d.partsOmitted ? `<p class="muted">… ${int(d.partsOmitted)} more paragraphs not shown</p>` : '';
  return `<details class="doc"${i < 3 ? ' open' : ''}><summary><code>${esc(d.source)}</code>: <span data-stat="top.${i}.share" data-value="${d.share}">${pct(d.share)}</span> of ${num(`top.${i}.words`, d.words)} words removed</summary>${parts}${more}</details>`;
}

export function reportHtml(stats: BatchStats): string {
  const share = stats.words ? stats.removedWords / stats.words : 0;
  const cards = [
    ['documents', 'documents', stats.documents],
    ['changed', 'changed by cleaning', stats.changed],
    ['failed', 'not cleaned', stats.failed],
    ['words', 'words in', stats.words],
    ['removedWords', 'words removed', stats.removedWords],
  ]
    .map(([key, label, value]) => `<div class="card"><b>${num(String(key), Number(value))}</b><small>${label}</small></div>`)
    .join('');
  const learned = stats.learned.length
    ? `<table><thead><tr><th>block</th><th class="n">documents</th></tr></thead><tbody>${stats.learned.map((l, i) => `<tr><td>${esc(l.text)}</td><td class="n">${num(`learned.${i}.documents`, l.documents)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">No block was found repeated across documents.</p>';
  const warnings = stats.warnings.length
    ? `<ul>${stats.warnings.map((w) => `<li><code>${esc(w.source)}</code>: ${esc(w.message)}</li>`).join('')}</ul>${stats.warningsTotal > stats.warnings.length ? `<p class="muted">and ${int(stats.warningsTotal - stats.warnings.length)} more</p>` : ''}`
    : '<p class="muted">None.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>clean-article report: ${int(stats.documents)} documents</title><style>${CSS}</style></head>
<body>
<h1>clean-article report</h1>
<p class="muted">${stats.commands.map((c) => `<code>${esc(c)}</code>`).join('<br>')}<br>${stats.seconds} s</p>
${stats.partial ? '<p class="partial" data-stat="partial">The run was interrupted: these figures cover the documents done before it stopped.</p>' : ''}
<div class="cards">${cards}<div class="card"><b data-stat="removedShare" data-value="${share}">${pct(share)}</b><small>of all words removed</small></div></div>
<h2>Removed share per document</h2>
${histogram(stats)}
<h2>Rules</h2>
${rulesTable(stats)}
<h2>Documents that lost the most</h2>
<p class="legend muted"><span>kept</span><span class="r">removed, with its rule</span> (hover a removal for the reason)</p>
${stats.top.length ? stats.top.map(documentView).join('\n') : '<p class="muted">No document lost anything.</p>'}
<h2>Blocks repeated across documents</h2>
${learned}
<h2>Warnings and errors (<span data-stat="warningsTotal" data-value="${stats.warningsTotal}">${int(stats.warningsTotal)}</span>)</h2>
${warnings}
</body></html>
`;
}
