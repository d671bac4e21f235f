// Overview: one card per enabled source, database health, totals and recent anomalies.

import { get, poll } from './api.js';
import { badge, clear, count, duration, h, json, time } from './dom.js';
import { runNowButton } from './key.js';

const REFRESH_MS = 10000;

export function render(main) {
  clear(main, h('h1', {}, 'Overview'), h('p', { className: 'muted' }, 'Loading…'));
  return poll(async () => {
    const [health, stats, schedules, runs] = await Promise.all([
      get('/health').catch((e) => (e.status === 503 ? e.problem : Promise.reject(e))),
      get('/stats'),
      get('/schedules'),
      get('/runs?limit=100'),
    ]);
    const anomalies = await recentAnomalies(stats);
    clear(
      main,
      h('h1', {}, 'Overview ', h('span', { className: 'muted small', id: 'updated' }, `updated ${new Date().toLocaleTimeString()}`)),
      summary(health, stats),
      h('section', { className: 'cards' }, (health.sources || []).map((s) => card(s, stats, schedules, runs.data))),
      h('h2', {}, 'Recent anomalies'),
      anomalyList(anomalies),
    );
  }, REFRESH_MS);
}

function summary(health, stats) {
  const db = health.database || {};
  const totals = stats.totals || {};
  return h(
    'section',
    { className: 'summary' },
    tile('Service', badge(health.status), null, 'service-status'),
    tile('Database', badge(db.status), db.latency_ms !== undefined ? `${db.latency_ms} ms` : db.error, 'database-status'),
    tile('Runs', count(totals.runs?.total), `${count(totals.runs?.failed)} failed`),
    tile('Success rate', totals.success_rate === null ? '—' : `${Math.round(totals.success_rate * 100)} %`),
    tile('Records loaded', count(totals.records?.loaded), `${count(totals.records?.fetched)} fetched`),
    tile('Transform failures', h('a', { href: '#/quality' }, count(totals.transform_failures))),
  );
}

function tile(title, value, detail, id) {
  return h('div', { className: 'tile', id }, h('div', { className: 'muted small' }, title), h('div', { className: 'big' }, value), detail ? h('div', { className: 'muted small' }, detail) : null);
}

function card(health, stats, schedules, runs) {
  const source = health.source;
  const stat = (stats.sources || []).find((s) => s.source === source) || {};
  const schedule = (schedules.data || []).find((s) => s.source === source) || {};
  const last = health.last_run;
  const lastRun = last ? runs.find((r) => r.run_id === last.run_id) : null;
  return h(
    'article',
    { className: `card card-${health.status}`, 'data-source': source },
    h('header', {}, h('h3', {}, source), badge(health.status)),
    h(
      'dl',
      {},
      h('dt', {}, 'Last run'),
      h(
        'dd',
        { 'data-last-run-status': last?.status || 'none' },
        last
          ? [badge(last.status), ' ', h('a', { href: `#/runs/${last.run_id}` }, `#${last.run_id}`), ' ', time(last.ended_at)]
          : h('span', { className: 'muted' }, 'none yet'),
      ),
      last ? [h('dt', {}, 'Duration'), h('dd', {}, duration(lastRun?.duration_ms ?? millis(last)))] : null,
      lastRun
        ? [h('dt', {}, 'Records'), h('dd', {}, `${count(lastRun.records.fetched)} fetched, ${count(lastRun.records.loaded)} loaded, ${count(lastRun.records.failed)} failed`)]
        : null,
      h('dt', {}, 'All runs'),
      h('dd', {}, `${count(stat.runs?.total)} runs, ${count(stat.records?.loaded)} records loaded, `, h('a', { href: `#/quality?source=${encodeURIComponent(source)}` }, `${count(stat.transform_failures)} failing`)),
      health.running_run_id ? [h('dt', {}, 'Running'), h('dd', {}, h('a', { href: `#/runs/${health.running_run_id}` }, `run ${health.running_run_id}`))] : null,
      h('dt', {}, 'Next run'),
      h('dd', {}, schedule.next_run_at ? time(schedule.next_run_at) : h('span', { className: 'muted' }, 'not scheduled'), h('span', { className: 'muted' }, ` (every ${health.schedule})`)),
      h('dt', {}, 'Staleness'),
      h('dd', {}, health.last_success_at ? ['last success ', time(health.last_success_at)] : 'no success yet', h('span', { className: 'muted' }, `; stale after ${duration(health.stale_after_seconds * 1000)}`)),
    ),
    last?.error ? h('p', { className: 'error small', title: last.error }, last.error) : null,
    health.reasons?.length && !last?.error ? h('p', { className: 'muted small' }, health.reasons.join('; ')) : null,
    h('details', {}, h('summary', {}, 'Checkpoint'), stat.checkpoint ? json(stat.checkpoint) : h('p', { className: 'muted' }, 'none')),
    h('footer', {}, runNowButton(source)),
  );
}

function millis(run) {
  return run.ended_at ? Date.parse(run.ended_at) - Date.parse(run.started_at) : null;
}

// /compare-runs needs two finished runs of a source; asking for fewer would only get a 404.
async function recentAnomalies(stats) {
  const comparable = (stats.sources || []).filter((s) => s.runs && s.runs.total - s.runs.running >= 2);
  const comparisons = await Promise.all(comparable.map((s) => get(`/compare-runs?source=${encodeURIComponent(s.source)}`).catch(() => null)));
  return comparisons
    .filter(Boolean)
    .flatMap((c) => (c.anomalies || []).map((a) => ({ ...a, source: c.run_b.source, run_id: c.run_b.run_id })));
}

function anomalyList(anomalies) {
  if (anomalies.length === 0) {
    return h('p', { className: 'muted', id: 'anomalies' }, 'No anomalies between the latest two runs of any source.');
  }
  return h(
    'ul',
    { className: 'anomalies', id: 'anomalies' },
    anomalies.map((a) => h('li', {}, badge(a.severity), ' ', h('strong', {}, a.source), ' ', h('a', { href: `#/runs/${a.run_id}` }, `run ${a.run_id}`), `: ${a.message}`)),
  );
}
