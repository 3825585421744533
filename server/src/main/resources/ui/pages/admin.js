// Admin pages (role admin only; the API refuses the rest anyway): spaces, subnets, users, tokens, grants, webhooks.
// Ranges and their delegation are managed on each subnet's page.
import { api, list } from '../api.js';
import { h, field, form, table, when, confirmDialog, compact, act } from '../dom.js';
import { can } from '../session.js';
import { go } from '../router.js';
import { secretBox } from './tokens.js';

const TABS = [['spaces', 'Spaces'], ['subnets', 'Subnets'], ['users', 'Users'], ['tokens', 'Tokens'],
  ['grants', 'Grants'], ['webhooks', 'Webhooks']];
const ROLES = ['admin', 'engineer', 'service', 'viewer'];
const EVENTS = ['allocation.created', 'allocation.released', 'subnet.threshold', 'conflict.opened', 'conflict.resolved'];

export async function render(main, params) {
  const tab = params.tab || 'spaces';
  main.append(h('h1', {}, 'Admin'));
  if (!can('manage')) {
    main.append(h('p', { class: 'empty' }, 'Only admins manage spaces, subnets, users, tokens, grants and webhooks.'));
    return;
  }
  main.append(h('nav', { class: 'tabs', 'aria-label': 'Admin sections' }, TABS.map(([k, t]) =>
    h('a', { href: `#/admin?tab=${k}`, id: `tab-${k}`, 'aria-current': k === tab ? 'page' : null }, t))));
  const section = h('section', { 'aria-labelledby': 'admin-h' }, h('h2', { id: 'admin-h' }, TABS.find(t => t[0] === tab)[1]));
  main.append(section);
  await ({ spaces, subnets, users, tokens, grants, webhooks })[tab](section, params);
}

function del(label, path, back) {
  return h('button', { type: 'button', class: 'danger small', onclick: act(async () => {
    if (!await confirmDialog(`Delete ${label}?`, 'Delete')) return;
    await api('DELETE', path);
    go(back, `Deleted ${label}`);
  }) }, 'Delete');
}

async function spaces(sec) {
  sec.append(form('space-form', 'New space', [field('Name', 'name', { required: true }), field('Description', 'description')],
    'Create space', async v => {
      const s = await api('POST', '/api/v1/spaces', compact(v));
      go(`#/admin?tab=spaces&created=${s.id}`, `Space ${s.name} created`);
    }));
  const rows = await list('/api/v1/spaces');
  sec.append(table('Spaces', ['Name', 'Description', 'Created', ''], rows.map(s => h('tr', {}, h('td', {}, s.name),
    h('td', {}, s.description || ''), h('td', {}, when(s.createdAt)),
    h('td', {}, del(`space ${s.name}`, `/api/v1/spaces/${s.id}`, '#/admin?tab=spaces')))),
  'No spaces yet: create the first one above (e.g. "prod" or "lab").'));
}

async function subnets(sec) {
  const spaceList = await list('/api/v1/spaces');
  if (!spaceList.length) { sec.append(h('p', { class: 'empty' }, 'Create a space first.')); return; }
  sec.append(form('subnet-form', 'New subnet', [
    field('Space', 'space', { options: spaceList.map(s => [String(s.id), s.name]) }),
    field('Prefix', 'prefix', { required: true, placeholder: '198.18.10.0/24' }),
    field('Gateway', 'gateway', { placeholder: '198.18.10.1' }),
    field('VLAN', 'vlan', { type: 'number' }),
    field('Kind', 'container', { options: [['false', 'leaf (addresses)'], ['true', 'container (child prefixes)']] }),
    field('Description', 'description'),
  ], 'Create subnet', async v => {
    const body = compact({ ...v, container: v.container === 'true', vlan: v.vlan ? Number(v.vlan) : null });
    const s = await api('POST', '/api/v1/subnets', body);
    go(`#/subnets/${s.id}`, `Subnet ${s.prefix} created`);
  }));
  const rows = await list('/api/v1/subnets');
  sec.append(table('Subnets', ['Prefix', 'Space', 'Kind', 'Description', ''], rows.map(s => h('tr', {},
    h('td', {}, h('a', { href: `#/subnets/${s.id}` }, s.prefix)), h('td', {}, String(s.space)),
    h('td', {}, s.container ? 'container' : 'leaf'), h('td', {}, s.description || ''),
    h('td', {}, del(`subnet ${s.prefix}`, `/api/v1/subnets/${s.id}`, '#/admin?tab=subnets')))),
  'No subnets yet.'));
}

async function users(sec) {
  sec.append(form('user-form', 'New user', [field('Username', 'username', { required: true }),
    field('Role', 'role', { options: ROLES }),
    field('Password', 'password', { type: 'password', required: true, autocomplete: 'new-password' })],
  'Create user', async v => {
    const u = await api('POST', '/api/v1/users', v);
    go(`#/admin?tab=users&created=${u.id}`, `User ${u.username} created`);
  }));
  const rows = await list('/api/v1/users');
  sec.append(table('Users', ['Username', 'Role', 'State', 'Created', ''], rows.map(u => h('tr', {},
    h('td', {}, u.username), h('td', {}, u.role), h('td', {}, u.disabled ? 'disabled' : 'active'), h('td', {}, when(u.createdAt)),
    h('td', {}, h('button', { type: 'button', class: 'small', onclick: act(async () => {
      await api('PATCH', `/api/v1/users/${u.id}`, { disabled: !u.disabled });
      go(`#/admin?tab=users&changed=${u.id}-${!u.disabled}`, `User ${u.username} ${u.disabled ? 'enabled' : 'disabled'}`);
    }) }, u.disabled ? 'Enable' : 'Disable'), ' ', del(`user ${u.username}`, `/api/v1/users/${u.id}`, '#/admin?tab=users')))),
  'No users yet: people log in with users; scripts use tokens.'));
}

async function tokens(sec) {
  const secret = h('div', { id: 'token-secret' });
  sec.append(secret, form('token-form', 'New token', [
    field('Name', 'name', { required: true }), field('Role', 'role', { options: ROLES }),
    field('Expires in', 'expiresIn', { placeholder: 'P90D' }),
    field('Grant scope', 'scope', { options: [['', '(none)'], 'space', 'range', 'owner'] }),
    field('Grant value', 'value', { placeholder: 'lab, 12 or bosh-west' }),
  ], 'Create token', async v => {
    const body = compact({ name: v.name, role: v.role, expiresIn: v.expiresIn });
    if (v.scope && v.value) body.grants = [{ scope: v.scope, value: v.value }];
    const t = await api('POST', '/api/v1/tokens', body);
    secret.replaceChildren(secretBox(t.name, t.token));
    await tokenRows(box);
  }));
  const box = h('div', { id: 'token-list' });
  sec.append(box);
  await tokenRows(box);
}

async function tokenRows(box) {
  const rows = await list('/api/v1/tokens');
  box.replaceChildren(table('Tokens', ['Name', 'Role', 'Hint', 'Created by', 'Expires', 'State', ''], rows.map(t => h('tr', {},
    h('td', {}, t.name), h('td', {}, t.role), h('td', {}, h('code', {}, t.hint)), h('td', {}, t.createdBy),
    h('td', {}, when(t.expiresAt)), h('td', {}, t.revokedAt ? 'revoked' : 'active'),
    h('td', {}, t.revokedAt ? '' : h('button', { type: 'button', class: 'danger small', onclick: act(async () => {
      if (!await confirmDialog(`Revoke token ${t.name}?`, 'Revoke')) return;
      await api('DELETE', `/api/v1/tokens/${t.id}`);
      go(`#/admin?tab=tokens&revoked=${t.id}`, `Token ${t.name} revoked`);
    }) }, 'Revoke')))), 'No tokens.'));
}

async function grants(sec) {
  sec.append(h('p', {}, 'Engineers and service tokens act only inside their grants: a space, a range (id) or an owner name.'),
    form('grant-form', 'New grant', [
      field('User (name)', 'user'), field('or token (name)', 'token'),
      field('Scope', 'scope', { options: ['space', 'range', 'owner'] }), field('Value', 'value', { required: true }),
    ], 'Grant', async v => {
      await api('POST', '/api/v1/grants', compact(v));
      go(`#/admin?tab=grants&v=${Date.now()}`, 'Grant created');
    }));
  const rows = await list('/api/v1/grants');
  sec.append(table('Grants', ['Holder', 'Scope', 'Value', ''], rows.map(g => h('tr', {},
    h('td', {}, g.user ? `user ${g.user}` : `token ${g.token}`), h('td', {}, g.scope), h('td', {}, g.value),
    h('td', {}, del(`grant ${g.scope}:${g.value}`, `/api/v1/grants/${g.id}`, '#/admin?tab=grants')))),
  'No grants: engineers and service tokens can read but not allocate until they get one.'));
}

async function webhooks(sec) {
  const secret = h('div', { id: 'webhook-secret' });
  sec.append(secret, form('webhook-form', 'New webhook', [
    field('URL', 'url', { type: 'url', required: true, placeholder: 'https://hooks.example.net/ipkeeper' }),
    field('Events', 'events', { options: EVENTS, multiple: true }),
    field('Description', 'description'),
  ], 'Subscribe', async v => {
    const w = await api('POST', '/api/v1/webhooks', compact({ ...v, events: v.events.length ? v.events : EVENTS }));
    secret.replaceChildren(h('div', { class: 'card secret' },
      h('p', {}, 'Signing secret (X-Ipkeeper-Signature HMAC key) — copy it now, it is not shown again:'),
      h('code', { class: 'token' }, w.secret)));
    await webhookRows(box);
  }));
  const box = h('div', { id: 'webhook-list' });
  sec.append(box);
  await webhookRows(box);
}

async function webhookRows(box) {
  const rows = await list('/api/v1/webhooks');
  box.replaceChildren(table('Webhooks', ['URL', 'Events', 'Description', ''], rows.map(w => h('tr', {},
    h('td', { class: 'url' }, w.url), h('td', {}, (w.events || []).join(', ')), h('td', {}, w.description || ''),
    h('td', {}, del(`webhook ${w.url}`, `/api/v1/webhooks/${w.id}`, `#/admin?tab=webhooks&d=${w.id}`)))),
  'No webhooks: subscribe a URL to get allocation, threshold and conflict events.'));
}
