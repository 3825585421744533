// "My tokens": API tokens of the logged-in user. The secret is shown once, right after creation.
import { api, list } from '../api.js';
import { h, field, form, table, when, status, confirmDialog, compact, act } from '../dom.js';
import { me } from '../session.js';
import { go } from '../router.js';

const ROLES = ['viewer', 'service', 'engineer', 'admin'];

export async function render(main) {
  main.append(h('h1', {}, 'My tokens'),
    h('p', {}, 'Tokens act as you, for scripts and the CLI (Authorization: Bearer …). A token cannot have more rights than you.'));
  const secret = h('div', { id: 'token-secret' });
  main.append(secret, form('my-token-form', 'New token', [
    field('Name', 'name', { required: true }),
    field('Role', 'role', { options: ROLES.slice(0, ROLES.indexOf(me().role) + 1).reverse() }),
    field('Expires in', 'expiresIn', { placeholder: 'P90D', hint: 'ISO-8601 duration; empty: never' }),
  ], 'Create token', async v => {
    const t = await api('POST', '/api/v1/users/me/tokens', compact(v));
    secret.replaceChildren(secretBox(t.name, t.token));
    status(`Token ${t.name} created`);
    await rows(tbody);
  }));
  const tbody = h('div', { id: 'my-tokens' });
  main.append(tbody);
  await rows(tbody);
}

export function secretBox(name, secret) {
  return h('div', { class: 'card secret' },
    h('p', {}, `The secret of "${name}" — copy it now, it is not shown again:`),
    h('code', { class: 'token' }, secret));
}

async function rows(box) {
  const tokens = await list('/api/v1/users/me/tokens');
  box.replaceChildren(table('Your tokens', ['Name', 'Role', 'Hint', 'Created', 'Expires', 'State', ''],
    tokens.map(t => h('tr', {},
      h('td', {}, t.name), h('td', {}, t.role), h('td', {}, h('code', {}, t.hint)), h('td', {}, when(t.createdAt)),
      h('td', {}, when(t.expiresAt)), h('td', {}, t.revokedAt ? 'revoked' : 'active'),
      h('td', {}, t.revokedAt ? '' : h('button', { type: 'button', class: 'danger small', onclick: act(async () => {
        if (!await confirmDialog(`Revoke token ${t.name}? Scripts using it stop working at once.`, 'Revoke')) return;
        await api('DELETE', `/api/v1/users/me/tokens/${t.id}`);
        go('#/tokens', `Token ${t.name} revoked`);
      }) }, 'Revoke')))),
    'No tokens yet. Create one above for scripts or the ipkeeper CLI.'));
}
