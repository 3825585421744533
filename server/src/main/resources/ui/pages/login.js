import { h, field, form } from '../dom.js';
import { go } from '../router.js';
import { login, me } from '../session.js';

export function render(main) {
  if (me()) { go('#/spaces'); return; }
  main.append(h('section', { class: 'login' },
    h('h1', {}, 'Log in to ipkeeper'),
    form('login-form', null, [
      field('Username', 'username', { required: true, autocomplete: 'username' }),
      field('Password', 'password', { type: 'password', required: true, autocomplete: 'current-password' }),
    ], 'Log in', async v => {
      await login(v.username, v.password);
      go('#/spaces', `Logged in as ${me().name}`);
    }),
    h('p', { class: 'hint' }, 'Accounts are created by an admin (Admin → Users, or ipkeeper admin user create).')));
}
