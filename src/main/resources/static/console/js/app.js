// The console: a hash router over four views, each a module with render(main, params) that returns
// an optional function to stop its timers when another view takes over.

import { apiKey, setApiKey } from './api.js';
import { clear, h } from './dom.js';
import { askForKey } from './key.js';
import * as overview from './overview.js';
import * as runs from './runs.js';
import * as assets from './assets.js';
import * as quality from './quality.js';

const routes = [
  [/^\/?$/, 'overview', () => overview.render],
  [/^\/runs\/(\d+)$/, 'runs', (m) => (main, q) => runs.renderRun(main, m[1], q)],
  [/^\/runs$/, 'runs', () => runs.render],
  [/^\/assets\/(\d+)$/, 'assets', (m) => (main, q) => assets.renderAsset(main, m[1], q)],
  [/^\/assets$/, 'assets', () => assets.render],
  [/^\/quality$/, 'quality', () => quality.render],
];

let stop = null;

function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  // Each view draws into its own element, so an answer that arrives after the user moved on lands
  // in a detached element rather than over the next view.
  const main = h('div', { className: 'view' });
  document.getElementById('view').replaceChildren(main);
  if (stop) {
    stop();
    stop = null;
  }
  for (const [pattern, name, view] of routes) {
    const match = path.match(pattern);
    if (match) {
      document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.view === name));
      document.body.dataset.view = name;
      stop = view(match)(main, params) || null;
      return;
    }
  }
  clear(main, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the overview')));
}

function showKeyState() {
  const state = document.getElementById('key-state');
  if (apiKey()) {
    clear(state, 'API key set for this tab ', h('button', { className: 'link', onclick: () => setApiKey(null) }, 'forget'));
  } else {
    clear(state, 'no API key');
  }
}

// With kasparro.api.require-key-for-reads the service refuses reads without the key: ask once for
// it, then draw the view again.
function keyNeeded() {
  if (document.getElementById('key-dialog').open) {
    return;
  }
  setApiKey(null);
  askForKey('This service asks for the API key on reads too.').then((ok) => ok && route());
}

window.addEventListener('hashchange', route);
document.addEventListener('api-key-needed', keyNeeded);
document.addEventListener('api-key-changed', showKeyState);
showKeyState();
route();
