// Calls to the service's own API. The API key lives in sessionStorage (this tab only) and is sent
// in the X-API-Key header; it never goes into the page or a URL.

const KEY = 'kasparro.api-key';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY, key);
  } else {
    sessionStorage.removeItem(KEY);
  }
  document.dispatchEvent(new CustomEvent('api-key-changed'));
}

function headers(json) {
  const h = { Accept: 'application/json, application/problem+json' };
  const key = apiKey();
  if (key) {
    h['X-API-Key'] = key;
  }
  if (json) {
    h['Content-Type'] = 'application/json';
  }
  return h;
}

async function answer(response) {
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = { detail: text };
    }
  }
  if (!response.ok) {
    const retry = Number(response.headers.get('Retry-After')) || null;
    throw new ApiError(response.status, body, retry);
  }
  return body;
}

/** A read. A 401 means the service asks for the key on reads too: the console then asks for it. */
export async function get(path) {
  try {
    return await answer(await fetch(path, { headers: headers(false) }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      document.dispatchEvent(new CustomEvent('api-key-needed', { detail: error.message }));
    }
    throw error;
  }
}

export async function post(path, body) {
  return answer(
    await fetch(path, {
      method: 'POST',
      headers: headers(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/**
 * Calls load now and then every intervalMs until the returned function is called; after a 429 it
 * waits as long as Retry-After says. The returned function has now(), to load again at once.
 */
export function poll(load, intervalMs) {
  let timer = null;
  let stopped = false;
  const tick = async () => {
    let wait = intervalMs;
    try {
      await load();
      banner(null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        wait = Math.max(wait, (error.retryAfter || 10) * 1000);
        banner(`The service's rate limit was reached; refreshing again in ${Math.round(wait / 1000)} s.`);
      } else {
        banner(error.message);
      }
    }
    if (!stopped) {
      timer = setTimeout(tick, wait);
    }
  };
  tick();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  stop.now = () => {
    if (!stopped) {
      clearTimeout(timer);
      tick();
    }
  };
  return stop;
}

export function banner(text) {
  const node = document.getElementById('banner');
  node.hidden = !text;
  node.textContent = text || '';
}
