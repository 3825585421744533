// Entry point: who is logged in, the navigation for that role, and the page for the current hash route.
import { onUnauthorized } from './api.js';
import { h, clear, error, status } from './dom.js';
import { route, current, match, go, takeNote } from './router.js';
import { load, me, can, logout } from './session.js';
import * as login from './pages/login.js';
import * as tokens from './pages/tokens.js';
import * as spaces from './pages/spaces.js';
import * as subnet from './pages/subnet.js';
import * as conflicts from './pages/conflicts.js';
import * as agents from './pages/agents.js';
import * as audit from './pages/audit.js';
import * as admin from './pages/admin.js';
import * as bosh from './pages/bosh.js';

route(/^\/login$/, login.render);
route(/^\/tokens$/, tokens.render);
route(/^\/spaces$/, spaces.render);
route(/^\/search$/, spaces.search);
route(/^\/subnets\/(\d+)$/, subnet.render);
route(/^\/conflicts$/, conflicts.render);
route(/^\/agents$/, agents.render);
route(/^\/audit$/, audit.render);
route(/^\/admin$/, admin.render);
route(/^\/bosh\/(\d+)$/, bosh.render);

const main = document.getElementById('main');

function nav() {
  const navEl = clear(document.getElementById('nav'));
  const who = clear(document.getElementById('who'));
  const s = me();
  if (!s) return;
  const links = [['#/spaces', 'Subnets'], ['#/conflicts', 'Conflicts'], ['#/agents', 'Agents'], ['#/audit', 'Audit log']];
  if (s.kind === 'session') links.push(['#/tokens', 'My tokens']);
  if (can('manage')) links.push(['#/admin', 'Admin']);
  const here = current().path;
  navEl.append(h('ul', {}, links.map(([href, text]) =>
    h('li', {}, h('a', { href, 'aria-current': href === `#${here}` ? 'page' : null }, text)))));
  const out = h('button', { type: 'button', id: 'logout', class: 'link' }, 'Log out');
  out.addEventListener('click', async () => { await logout(); nav(); go('#/login'); });
  who.append(h('span', { id: 'whoami' }, `${s.name} (${s.role})`), ' ', out);
}

async function show() {
  const { path, params } = current();
  error(null);
  status(takeNote() || '');
  if (!me() && path !== '/login') { go('#/login'); return; }
  nav();
  const m = match(path);
  clear(main);
  if (!m) { main.append(h('h1', {}, 'Not found'), h('p', {}, `No page at ${path}.`)); return; }
  try {
    await m.render(main, ...m.args, params);
  } catch (e) {
    error(e);
  }
  const h1 = main.querySelector('h1');
  if (h1) { h1.tabIndex = -1; h1.focus({ preventScroll: true }); }
  document.title = `${h1 ? h1.textContent + ' · ' : ''}ipkeeper`;
  document.body.dataset.page = path.split('/')[1] || '';
}

// A CSP violation is a bug in the UI (an inline style or script slipped in): report it and count it for the tests.
document.addEventListener('securitypolicyviolation', e => {
  console.error(`Content-Security-Policy blocked ${e.blockedURI || 'inline'} (${e.violatedDirective})`);
  const root = document.documentElement;
  root.dataset.cspViolations = String(Number(root.dataset.cspViolations || 0) + 1);
});
onUnauthorized(async () => {
  await load();
  if (!me()) go('#/login', 'Your session has ended (expired or logged out elsewhere): please log in again.');
});
window.addEventListener('hashchange', show);
document.addEventListener('ipkeeper:session', () => nav());
await load();
show();
