// Runs: history with filters, and one page per run with its counts, error, drift and failures.

import { get, poll } from './api.js';
import { badge, clear, count, duration, h, json, problem, table, time } from './dom.js';
import { runNowButton } from './key.js';

const STATUSES = ['running', 'success', 'partial', 'failed'];

// The run started from this page, announced above the list until the view changes.
let started = null;

export function render(main, params) {
  const source = params.get('source') || '';
  const status = params.get('status') || '';
  started = null;
  clear(main, h('h1', {}, 'Runs'), h('p', { className: 'muted' }, 'Loading…'));
  const query = new URLSearchParams({ limit: '100' });
  if (source) query.set('source', source);
  if (status) query.set('status', status);
  const stop = poll(async () => {
    const [health, runs] = await Promise.all([get('/health').catch((e) => e.problem || {}), get(`/runs?${query}`)]);
    const sources = (health.sources || []).map((s) => s.source);
    const runSelect = h('select', { id: 'run-source', 'aria-label': 'Source to run', onchange: (e) => e.stopPropagation() }, sources.map((v) => h('option', { value: v, selected: v === source }, v)));
    clear(
      main,
      h('h1', {}, 'Runs'),
      h(
        'form',
        { className: 'filters', id: 'run-filters', onchange: (e) => filter(e.currentTarget) },
        h('label', {}, 'Source ', select('source', ['', ...sources], source, 'any')),
        h('label', {}, 'Status ', select('status', ['', ...STATUSES], status, 'any')),
        h('span', { className: 'spacer' }),
        h('span', { className: 'run-now-form' }, 'Run ', runSelect, ' ', runNowButton(() => runSelect.value, (run) => {
          started = run;
          stop.now();
        })),
      ),
      started
        ? h('p', { className: 'notice', id: 'run-started' }, `Run ${started.run_id} of ${started.source} started: `, h('a', { href: `#/runs/${started.run_id}` }, 'follow it'))
        : null,
      table(
        [
          { title: 'Run', cell: (r) => h('a', { href: `#/runs/${r.run_id}` }, `#${r.run_id}`) },
          { title: 'Source', cell: (r) => r.source },
          { title: 'Status', cell: (r) => badge(r.status) },
          { title: 'Trigger', cell: (r) => r.triggered_by },
          { title: 'Started', cell: (r) => time(r.started_at) },
          { title: 'Duration', cell: (r) => duration(r.duration_ms), className: 'num' },
          { title: 'Fetched', cell: (r) => count(r.records.fetched), className: 'num' },
          { title: 'Loaded', cell: (r) => count(r.records.loaded), className: 'num' },
          { title: 'Failed', cell: (r) => count(r.records.failed), className: 'num' },
          { title: 'Error', cell: (r) => (r.error ? h('span', { className: 'error clip', title: r.error }, r.error) : ''), className: 'wide' },
        ],
        runs.data,
        (r) => ({ 'data-run-id': r.run_id, 'data-status': r.status }),
      ),
    );
  }, 15000);
  return stop;
}

function select(name, values, current, blank) {
  return h('select', { name }, values.map((v) => h('option', { value: v, selected: v === current }, v || blank)));
}

function filter(form) {
  const query = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (value) query.set(key, value);
  }
  location.hash = `#/runs${query.size ? `?${query}` : ''}`;
}

export function renderRun(main, id) {
  clear(main, h('h1', {}, `Run ${id}`), h('p', { className: 'muted' }, 'Loading…'));
  let stop = null;
  const load = async () => {
    let run;
    try {
      run = await get(`/runs/${id}`);
    } catch (error) {
      clear(main, h('h1', {}, `Run ${id}`), problem(error));
      stop?.();
      return;
    }
    const source = encodeURIComponent(run.source);
    const [drift, failures] = await Promise.all([
      get(`/schema-drift?source=${source}&limit=1000`),
      get(`/transform-failures?source=${source}&limit=1000`),
    ]);
    const runDrift = drift.data.filter((d) => d.run_id === run.run_id);
    const runFailures = failures.data.filter((f) => f.run_id === run.run_id);
    clear(
      main,
      h('p', {}, h('a', { href: `#/runs?source=${source}` }, `← runs of ${run.source}`)),
      h('h1', {}, `Run ${run.run_id} `, badge(run.status)),
      h(
        'dl',
        { className: 'facts' },
        fact('Source', run.source),
        fact('Trigger', run.triggered_by),
        fact('Started', time(run.started_at)),
        fact('Ended', time(run.ended_at)),
        fact('Duration', duration(run.duration_ms)),
        Object.entries(run.records).map(([k, v]) => fact(k[0].toUpperCase() + k.slice(1), count(v))),
      ),
      run.error ? [h('h2', {}, 'Error'), h('pre', { className: 'error', id: 'run-error' }, run.error)] : null,
      Object.keys(run.metadata || {}).length ? [h('h2', {}, 'Metadata'), json(run.metadata)] : null,
      h('h2', {}, `Schema drift (${runDrift.length})`),
      driftTable(runDrift),
      h('h2', {}, `Transform failures still open (${runFailures.length})`),
      failureTable(runFailures),
      h('p', {}, runNowButton(run.source)),
    );
    if (run.status !== 'running') {
      stop?.();
    }
  };
  stop = poll(load, 3000);
  return () => stop();
}

function fact(title, value) {
  return [h('dt', {}, title), h('dd', {}, value)];
}

export function driftTable(rows) {
  return table(
    [
      { title: 'Source', cell: (d) => d.source },
      { title: 'Run', cell: (d) => (d.run_id ? h('a', { href: `#/runs/${d.run_id}` }, `#${d.run_id}`) : '—') },
      { title: 'Detected', cell: (d) => time(d.detected_at) },
      { title: 'Records', cell: (d) => count(d.records), className: 'num' },
      { title: 'Added', cell: (d) => fields(d.added) },
      { title: 'Missing', cell: (d) => fields(d.missing) },
      { title: 'Type changed', cell: (d) => fields(d.type_changed) },
      { title: 'Renamed', cell: (d) => fields(d.renamed) },
    ],
    rows,
  );
}

function fields(value) {
  if (!value || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Object.keys(value).length === 0)) {
    return h('span', { className: 'muted' }, '—');
  }
  const items = Array.isArray(value) ? value : Object.entries(value).map(([k, v]) => ({ field: k, ...(typeof v === 'object' ? v : { value: v }) }));
  return h('ul', { className: 'fields' }, items.map((item) => h('li', {}, typeof item === 'object' ? describe(item) : String(item))));
}

function describe(item) {
  return Object.entries(item)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(', ');
}

export function failureTable(rows, actions) {
  return table(
    [
      { title: 'Id', cell: (f) => f.id, className: 'num' },
      { title: 'Source', cell: (f) => f.source },
      { title: 'Record', cell: (f) => f.source_record_id || '—' },
      { title: 'Run', cell: (f) => h('a', { href: `#/runs/${f.run_id}` }, `#${f.run_id}`) },
      { title: 'Reason', cell: (f) => [h('code', {}, f.error_type), ' ', f.error_message] },
      { title: 'Failed', cell: (f) => time(f.failed_at) },
      { title: 'Payload', cell: (f) => h('details', {}, h('summary', {}, 'payload'), json(f.payload)), className: 'wide' },
      ...(actions ? [actions] : []),
    ],
    rows,
    (f) => ({ 'data-failure-id': f.id, 'data-source': f.source }),
  );
}
