// Building DOM nodes from data. Text always goes in as text, never as markup, since much of it
// (payloads, error messages) comes from upstreams.

export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'className') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export function badge(status) {
  return h('span', { className: `badge badge-${status || 'none'}`, 'data-status': status }, status || '—');
}

export function time(iso) {
  if (!iso) {
    return h('span', { className: 'muted' }, '—');
  }
  return h('time', { datetime: iso, title: iso }, relative(iso));
}

export function relative(iso) {
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit] =
    abs < 60 ? [abs, 's'] : abs < 3600 ? [Math.round(abs / 60), 'min'] :
    abs < 86400 ? [Math.round(abs / 3600), 'h'] : [Math.round(abs / 86400), 'd'];
  return seconds > 0 ? `in ${value} ${unit}` : `${value} ${unit} ago`;
}

export function duration(ms) {
  if (ms === null || ms === undefined) {
    return '—';
  }
  if (ms < 1000) {
    return `${ms} ms`;
  }
  const s = ms / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.round(s / 60)} min`;
}

export function count(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US');
}

export function usd(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  const n = Number(value);
  const digits = n >= 1000 ? 2 : n >= 1 ? 4 : 8;
  return '$' + n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function json(value) {
  return h('pre', { className: 'json' }, JSON.stringify(value, null, 2));
}

export function table(columns, rows, rowAttributes = () => ({})) {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c.title)))),
    h(
      'tbody',
      {},
      rows.length === 0
        ? h('tr', {}, h('td', { colspan: columns.length, className: 'muted empty' }, 'Nothing here.'))
        : rows.map((row) => h('tr', rowAttributes(row), columns.map((c) => h('td', { className: c.className }, c.cell(row))))),
    ),
  );
}

export function problem(error) {
  return h('p', { className: 'error', role: 'alert' }, error.message || String(error));
}
