// Assets: search by symbol or name; one page per asset with its identifiers and a price chart.

import { get } from './api.js';
import { badge, clear, count, h, problem, table, time, usd } from './dom.js';
import { drawChart } from './chart.js';

const TICKER = /^[A-Za-z0-9.\-_$]{1,32}$/;

export function render(main, params) {
  const q = (params.get('q') || '').trim();
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: 'BTC or bitcoin', id: 'asset-search', 'aria-label': 'Symbol or name' });
  const results = h('div', { id: 'asset-results' }, h('p', { className: 'muted' }, 'Loading…'));
  clear(
    main,
    h('h1', {}, 'Assets'),
    h(
      'form',
      {
        className: 'filters',
        onsubmit: (e) => {
          e.preventDefault();
          location.hash = input.value.trim() ? `#/assets?q=${encodeURIComponent(input.value.trim())}` : '#/assets';
        },
      },
      input,
      h('button', { type: 'submit' }, 'Search'),
    ),
    results,
  );
  search(q)
    .then((assets) => clear(results, assetTable(assets)))
    .catch((error) => clear(results, problem(error)));
}

// A query matches a ticker exactly or a part of a name, so both are asked for and merged.
async function search(q) {
  if (!q) {
    return (await get('/assets?limit=200')).data;
  }
  const requests = [get(`/assets?limit=200&name=${encodeURIComponent(q.slice(0, 100))}`)];
  if (TICKER.test(q)) {
    requests.unshift(get(`/assets?limit=200&symbol=${encodeURIComponent(q)}`));
  }
  const pages = await Promise.all(requests);
  const byId = new Map();
  pages.flatMap((p) => p.data).forEach((a) => byId.set(a.asset_id, a));
  return [...byId.values()];
}

function assetTable(assets) {
  return table(
    [
      { title: 'Symbol', cell: (a) => h('a', { href: `#/assets/${a.asset_id}` }, a.symbol) },
      { title: 'Name', cell: (a) => a.name },
      { title: 'Consensus price', cell: (a) => usd(a.consensus?.price_usd), className: 'num' },
      { title: 'Spread', cell: (a) => spread(a.consensus), className: 'num' },
      { title: 'Sources', cell: (a) => a.quotes.map((q) => q.source).join(', ') || '—' },
      { title: 'Latest quote', cell: (a) => time(newest(a)) },
    ],
    assets,
    (a) => ({ 'data-asset-id': a.asset_id, 'data-symbol': a.symbol }),
  );
}

function spread(consensus) {
  if (!consensus || consensus.spread_pct === null || consensus.spread_pct === undefined) {
    return h('span', { className: 'muted' }, '—');
  }
  const text = `${Number(consensus.spread_pct).toFixed(3)} %`;
  return consensus.disagreement ? h('span', { className: 'error', title: 'sources disagree' }, `${text} ⚠`) : text;
}

function newest(asset) {
  return asset.quotes.map((q) => q.last_updated).sort().at(-1) || null;
}

// Each range is drawn in buckets that keep the chart between about 70 and 370 points.
const RANGES = [
  { label: '6h', hours: 6, interval: '5m' },
  { label: '1d', hours: 24, interval: '15m' },
  { label: '7d', hours: 24 * 7, interval: '1h' },
  { label: '30d', hours: 24 * 30, interval: '4h' },
  { label: '1y', hours: 24 * 365, interval: '1d' },
];

export function renderAsset(main, id, params) {
  clear(main, h('h1', {}, `Asset ${id}`), h('p', { className: 'muted' }, 'Loading…'));
  get(`/assets/${id}`)
    .then((asset) => showAsset(main, asset, params.get('range') || '1d'))
    .catch((error) => clear(main, h('h1', {}, `Asset ${id}`), problem(error)));
}

function showAsset(main, asset, rangeLabel) {
  const range = RANGES.find((r) => r.label === rangeLabel) || RANGES[1];
  const chart = h('div', { className: 'chart', id: 'price-chart' });
  const chartNote = h('p', { className: 'muted small', id: 'chart-note' });
  const c = asset.consensus || {};
  clear(
    main,
    h('p', {}, h('a', { href: '#/assets' }, '← assets')),
    h('h1', {}, `${asset.symbol} `, h('span', { className: 'muted' }, asset.name)),
    h(
      'section',
      { className: 'summary' },
      tileOf('Consensus price', usd(c.price_usd)),
      tileOf('Spread between sources', spread(c)),
      tileOf('Sources in consensus', count(c.sources)),
      tileOf('Latest quote', time(newest(asset))),
    ),
    h('h2', {}, 'Price'),
    h(
      'div',
      { className: 'ranges', role: 'group', 'aria-label': 'Range' },
      RANGES.map((r) => h('a', { href: `#/assets/${asset.asset_id}?range=${r.label}`, className: r === range ? 'active' : null, 'data-range': r.label }, r.label)),
    ),
    chart,
    chartNote,
    h('h2', {}, 'Identifiers'),
    table(
      [
        { title: 'Source', cell: (i) => i.source },
        { title: 'Id at the source', cell: (i) => h('code', {}, i.source_asset_id) },
        { title: 'Symbol', cell: (i) => i.source_symbol },
        { title: 'Name', cell: (i) => i.source_name },
        { title: 'Match method', cell: (i) => h('code', {}, i.match_method) },
        { title: 'Confidence', cell: (i) => Number(i.confidence).toFixed(3), className: 'num' },
      ],
      asset.identifiers,
    ),
    h('h2', {}, 'Latest quote per source'),
    table(
      [
        { title: 'Source', cell: (q) => q.source },
        { title: 'Price', cell: (q) => usd(q.price_usd), className: 'num' },
        { title: 'Market cap', cell: (q) => usd(q.market_cap_usd), className: 'num' },
        { title: '24h volume', cell: (q) => usd(q.volume_24h_usd), className: 'num' },
        { title: 'Updated', cell: (q) => time(q.last_updated) },
        { title: 'In consensus', cell: (q) => (q.in_consensus ? 'yes' : 'no') },
      ],
      asset.quotes,
    ),
  );
  const end = newest(asset);
  if (!end) {
    chartNote.textContent = 'No quotes yet.';
    return;
  }
  // The range ends at the newest quote, so an asset that stopped updating still shows its history.
  const to = new Date(Date.parse(end) + 1000);
  const from = new Date(to.getTime() - range.hours * 3600 * 1000);
  const query = new URLSearchParams({ interval: range.interval, from: from.toISOString(), to: to.toISOString() });
  get(`/assets/${asset.asset_id}/candles?${query}`)
    .then((series) => {
      chartNote.textContent = `${series.candles.length} buckets of ${series.interval} from ${series.from} to ${series.to}; closes per source and the consensus (median) close.`;
      drawChart(chart, series);
    })
    .catch((error) => clear(chartNote, problem(error)));
}

function tileOf(title, value) {
  return h('div', { className: 'tile' }, h('div', { className: 'muted small' }, title), h('div', { className: 'big' }, value));
}
