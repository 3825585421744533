// Hash routes (#/subnets/7?tab=map): no server round trip, and the back button works.
const routes = [];

export function route(pattern, render) { routes.push({ pattern, render }); }

export function current() {
  const raw = location.hash.replace(/^#/, '') || '/spaces';
  const [path, query = ''] = raw.split('?');
  return { path, params: Object.fromEntries(new URLSearchParams(query)) };
}

let note = null;

/** Navigates; {@code message} is announced on the page that opens (a status set before would be cleared). */
export function go(hash, message) {
  note = message ?? null;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function match(path) {
  for (const r of routes) {
    const m = path.match(r.pattern);
    if (m) return { render: r.render, args: m.slice(1) };
  }
  return null;
}

export function takeNote() { const n = note; note = null; return n; }
