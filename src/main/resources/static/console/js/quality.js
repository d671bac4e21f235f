// Data quality: records that failed validation (with a replay per source) and schema drift.

import { get, post } from './api.js';
import { clear, count, h, problem } from './dom.js';
import { withKey } from './key.js';
import { driftTable, failureTable } from './runs.js';

export function render(main, params) {
  const source = params.get('source') || '';
  clear(main, h('h1', {}, 'Data quality'), h('p', { className: 'muted' }, 'Loading…'));
  const notice = h('p', { className: 'notice', id: 'replay-result', hidden: true });
  const load = async () => {
    const filter = source ? `&source=${encodeURIComponent(source)}` : '';
    const [failures, drift, health] = await Promise.all([
      get(`/transform-failures?limit=200${filter}`),
      get(`/schema-drift?limit=200${filter}`),
      get('/health').catch((e) => e.problem || {}),
    ]);
    const names = (health.sources || []).map((s) => s.source);
    const failing = [...new Set(failures.data.map((f) => f.source))].sort();
    clear(
      main,
      h('h1', {}, 'Data quality'),
      h(
        'form',
        { className: 'filters' },
        h(
          'label',
          {},
          'Source ',
          h(
            'select',
            {
              id: 'quality-source',
              onchange: (e) => {
                location.hash = e.target.value ? `#/quality?source=${encodeURIComponent(e.target.value)}` : '#/quality';
              },
            },
            ['', ...names].map((v) => h('option', { value: v, selected: v === source }, v || 'any')),
          ),
        ),
      ),
      notice,
      h('h2', {}, `Transform failures (${count(failures.pagination.total)})`),
      h('p', { className: 'muted' }, 'Records that reached bronze but failed validation. After a fix (a confirmed field mapping, a new release), a replay transforms them again; those that now load leave the list.'),
      h('p', { className: 'actions' }, failing.map((s) => replayButton(s, load))),
      failureTable(failures.data),
      h('h2', {}, `Schema drift (${count(drift.pagination.total)})`),
      driftTable(drift.data),
    );
  };
  const replayButton = (name, reload) =>
    h(
      'button',
      {
        'data-replay': name,
        onclick: async (e) => {
          e.currentTarget.disabled = true;
          try {
            const report = await withKey(`Replaying the failures of ${name} needs the API key.`, () =>
              post(`/transform-failures/replay?source=${encodeURIComponent(name)}`),
            );
            if (report) {
              const r = report.data.find((d) => d.source === name) || { records: 0, loaded: 0, failed: 0 };
              notice.textContent = `Replay of ${name}: ${r.records} records, ${r.loaded} loaded, ${r.failed} still failing.`;
              notice.hidden = false;
            }
            await reload();
          } catch (error) {
            notice.replaceChildren(problem(error));
            notice.hidden = false;
            await reload();
          }
        },
      },
      `Replay ${name}`,
    );
  load().catch((error) => clear(main, h('h1', {}, 'Data quality'), problem(error)));
}
