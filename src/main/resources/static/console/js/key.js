// The API-key dialog, and actions that need the key.

import { ApiError, apiKey, post, setApiKey } from './api.js';
import { h } from './dom.js';

/** Resolves true once a key is stored for this tab; asks for one if there is none. */
export function ensureKey(reason) {
  if (apiKey()) {
    return Promise.resolve(true);
  }
  return askForKey(reason);
}

export function askForKey(reason) {
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');
  document.getElementById('key-reason').textContent = reason;
  input.value = '';
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        const ok = dialog.returnValue === 'ok' && input.value.trim() !== '';
        if (ok) {
          setApiKey(input.value.trim());
        }
        input.value = '';
        resolve(ok);
      },
      { once: true },
    );
    dialog.showModal();
    input.focus();
  });
}

/**
 * Runs a mutating request with the key, asking for it first when there is none and again once
 * when the service refuses it (401).
 */
export async function withKey(reason, request) {
  if (!(await ensureKey(reason))) {
    return null;
  }
  try {
    return await request();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setApiKey(null);
      if (await askForKey(`The service refused the key: ${error.message}. ${reason}`)) {
        return request();
      }
      return null;
    }
    throw error;
  }
}

// The outcome of the latest "Run now" per source, shown for a minute, so that a view drawn again by
// its refresh still says what happened.
const outcomes = new Map();
const OUTCOME_MS = 60000;

function showOutcome(out, source) {
  const outcome = outcomes.get(source);
  if (!outcome || Date.now() - outcome.at > OUTCOME_MS) {
    return;
  }
  out.className = outcome.error ? 'run-result error' : 'run-result';
  out.replaceChildren(
    ...(outcome.run
      ? ['Started ', h('a', { href: `#/runs/${outcome.run.run_id}`, 'data-started-run': outcome.run.run_id }, `run ${outcome.run.run_id}`)]
      : [outcome.error]),
  );
}

/**
 * "Run now" for one source (a name, or a function that gives the chosen one): a 202 shows the new
 * run, a 409 says it is already running.
 */
export function runNowButton(sourceOrChoice, onStarted) {
  const choice = typeof sourceOrChoice === 'function' ? sourceOrChoice : () => sourceOrChoice;
  const label = typeof sourceOrChoice === 'function' ? 'chosen' : sourceOrChoice;
  const out = h('span', { className: 'run-result', 'data-run-result': label });
  const button = h(
    'button',
    {
      className: 'primary',
      'data-run-now': label,
      onclick: async () => {
        const source = choice();
        button.disabled = true;
        out.textContent = '';
        try {
          const started = await withKey(`Starting a run of ${source} needs the API key.`, () =>
            post('/runs', { source }),
          );
          if (started) {
            outcomes.set(source, { at: Date.now(), run: started });
            showOutcome(out, source);
            onStarted?.(started);
          }
        } catch (error) {
          const text =
            error instanceof ApiError && error.status === 409
              ? `${source} is already running`
              : error.message;
          outcomes.set(source, { at: Date.now(), error: text });
          showOutcome(out, source);
        } finally {
          button.disabled = false;
        }
      },
    },
    'Run now',
  );
  if (typeof sourceOrChoice !== 'function') {
    showOutcome(out, sourceOrChoice);
  }
  return h('span', { className: 'run-now' }, button, out);
}
