// The price chart (uPlot, served from the jar): one line per source's close plus the consensus.

import { clear, h } from './dom.js';

const COLORS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];
const CONSENSUS = '#d62728';

export function drawChart(node, series) {
  const sources = series.sources;
  node.dataset.series = [...sources, 'consensus'].join(',');
  node.dataset.points = String(series.candles.length);
  if (series.candles.length === 0) {
    clear(node, h('p', { className: 'muted empty' }, 'No quotes in this range.'));
    return;
  }
  const x = series.candles.map((c) => Date.parse(c.start) / 1000);
  const closes = sources.map((source) =>
    series.candles.map((c) => {
      const candle = c.sources.find((s) => s.source === source);
      return candle ? Number(candle.close) : null;
    }),
  );
  const consensus = series.candles.map((c) => Number(c.consensus_close));
  clear(node);
  const options = {
    width: Math.max(320, node.clientWidth || 900),
    height: 320,
    scales: { x: { time: true } },
    axes: [{}, { size: 80, values: (u, ticks) => ticks.map((t) => t.toLocaleString('en-US')) }],
    series: [
      { label: 'time' },
      ...sources.map((source, i) => ({ label: source, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: true })),
      { label: 'consensus', stroke: CONSENSUS, width: 2, dash: [6, 4], spanGaps: true },
    ],
  };
  // eslint-disable-next-line no-undef
  new uPlot(options, [x, ...closes, consensus], node);
}
