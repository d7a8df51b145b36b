/// The page's style and script, hand-written and inline: `report.html` fetches nothing.
enum HTMLAssets {
    /// Screen, phone (390 px and up, nothing wider than the screen, 44 px touch targets) and print.
    static let css = #"""
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dde5; --accent: #1f5fa8; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.45 "DejaVu Sans", Verdana, system-ui, sans-serif; color: var(--ink); background: #fff; overflow-wrap: anywhere; }
header, section, footer { max-width: 1200px; margin: 0 auto; padding: 8px 16px; }
h1 { font-size: 1.6rem; margin: .4em 0 .2em; }
h2 { font-size: 1.25rem; margin: 1em 0 .5em; border-bottom: 1px solid var(--line); }
.asof, .dataset, .note, footer { color: var(--muted); font-size: .9rem; }
dl.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 0; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.figure dt { font-size: .85rem; color: var(--muted); }
.figure dd { margin: 0; font-size: 1.8rem; font-weight: bold; }
.figure .note { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
/* A kind's name wraps between words, never inside one ("Sosialisasi", not "Sosialisa-si"). */
#event-table td:nth-child(3) { overflow-wrap: normal; word-break: keep-all; hyphens: manual; }
table.compare { font-size: .95rem; }
caption { text-align: left; font-weight: bold; padding: 6px 0; }
.controls { display: flex; flex-wrap: wrap; gap: 12px; }
.controls label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); flex: 1 1 200px; min-width: 0; }
select, input[type=search], button { font: inherit; min-height: 44px; }
select, input[type=search] { width: 100%; padding: 8px; border: 1px solid #9aa3b2; border-radius: 6px; background: #fff; color: var(--ink); }
button { cursor: pointer; border: 1px solid #9aa3b2; border-radius: 6px; background: #f4f6f9; color: var(--ink); padding: 6px 14px; min-width: 44px; }
a { color: var(--accent); }
#permalink { display: inline-block; min-height: 44px; line-height: 44px; }
.tools { display: flex; gap: 8px; margin-bottom: 8px; }
.tl { position: relative; width: 100%; overflow: hidden; border: 1px solid var(--line); border-radius: 8px; touch-action: pan-y; user-select: none; -webkit-user-select: none; }
.tl svg { display: block; width: 100%; }
.tl .mark, .tl .cluster { cursor: pointer; }
.tl .mark:focus, .tl .cluster:focus { outline: none; }
.tl .selected .shape, .tl .mark:focus .shape { stroke: #000; stroke-width: 3; }
figure.chart { margin: 0 0 24px; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart svg.phone { display: none; }
figcaption { color: var(--muted); font-size: .8rem; }
#event-table th button { background: none; border: 0; padding: 0; font-weight: bold; text-align: left; }
#event-table th[aria-sort=ascending] button::after { content: " \25B2"; }
#event-table th[aria-sort=descending] button::after { content: " \25BC"; }
button.open { background: none; border: 0; padding: 0; text-align: left; color: var(--accent); text-decoration: underline; }
ul.key { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: .9rem; }
ul.key li { white-space: nowrap; }
ul.key .rule { display: inline-block; width: 0; height: 1em; border-left: 2px dashed #b3261e; margin: 0 .5em -.15em .3em; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .4em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.url { color: var(--muted); font-size: .85em; }
#details { position: fixed; left: 0; right: 0; bottom: 0; max-height: 60vh; overflow: auto; background: #fff; border-top: 2px solid var(--ink);
  box-shadow: 0 -4px 16px rgba(0,0,0,.15); padding: 12px 16px 16px; z-index: 10; }
#details .close { float: right; margin-left: 8px; }
#details h3 { margin: .2em 0 .4em; font-size: 1.1rem; }
#details blockquote { margin: .3em 0; padding-left: 12px; border-left: 3px solid var(--line); }
#details dt { font-size: .8rem; color: var(--muted); margin-top: 8px; }
#details dd { margin: 0; }
#details .goto { display: block; width: 100%; text-align: left; margin: 4px 0; }
#details .permalink { display: inline-block; min-height: 44px; line-height: 44px; }
@media (min-width: 900px) {
  #details { left: auto; top: 0; width: 400px; max-height: none; border-top: 0; border-left: 2px solid var(--ink); }
  body.details-open { padding-right: 400px; }
}
@media screen and (max-width: 700px) {
  header, section, footer { padding: 6px 12px; }
  figure.chart svg.wide { display: none; }
  figure.chart svg.phone { display: block; }
  #event-table thead { display: none; }
  #event-table, #event-table tbody, #event-table tr, #event-table td { display: block; width: 100%; }
  #event-table tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 10px; padding: 6px 10px; }
  #event-table td { border: 0; padding: 2px 0; }
  #event-table td::before { content: attr(data-label); display: block; font-size: .75rem; color: var(--muted); }
  table.compare { font-size: .85rem; }
  table.compare th, table.compare td { padding: 4px; }
}
@media print {
  #controls, .tools, #details, #timeline .note { display: none !important; }
  body.details-open { padding-right: 0; }
  body { font-size: 10pt; overflow-wrap: break-word; }
  #event-table { font-size: 8.5pt; }
  #event-table th, #event-table td { padding: 3px 4px; }
  header, section, footer { max-width: none; padding: 0; }
  figure.chart { break-inside: avoid; }
  figure.chart svg.wide { display: block !important; }
  figure.chart svg.phone { display: none !important; }
  #event-table tr, .figure { break-inside: avoid; }
  #event-table a[href]::after { content: " (" attr(href) ")"; font-size: .8em; color: #555; }
  button.open { color: inherit; text-decoration: none; }
  .tl { border: 0; }
}
"""#
}
