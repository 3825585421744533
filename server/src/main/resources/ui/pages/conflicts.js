// The conflicts queue: what host agents saw that disagrees with the records (duplicates, unrecorded, stale).
import { api, list, q } from '../api.js';
import { h, table, when, act } from '../dom.js';
import { can } from '../session.js';
import { go } from '../router.js';

export async function render(main, params) {
  const state = params.state ?? 'open';
  main.append(h('h1', {}, 'Conflicts'));
  const picker = h('nav', { class: 'tabs', 'aria-label': 'Conflict state' },
    [['open', 'Open'], ['acknowledged', 'Acknowledged'], ['resolved', 'Resolved'], ['', 'All']].map(([v, t]) =>
      h('a', { href: `#/conflicts?state=${v}`, 'aria-current': v === state ? 'page' : null }, t)));
  main.append(picker);
  const conflicts = await list(`/api/v1/conflicts${state ? `?state=${q(state)}` : ''}`);
  main.append(table('Conflicts, newest first', ['Kind', 'Address', 'MACs', 'First seen', 'Last seen', 'State', ''],
    conflicts.map(c => h('tr', {}, h('td', {}, h('span', { class: 'state conflict' }, c.kind)),
      h('td', {}, h('code', {}, c.address)), h('td', {}, (c.macs || []).join(', ')), h('td', {}, when(c.firstSeen)),
      h('td', {}, when(c.lastSeen)), h('td', {}, c.state + (c.acknowledgedBy ? ` by ${c.acknowledgedBy}` : '')),
      h('td', {}, c.state === 'open' && can('manage') ? h('button', { type: 'button', class: 'small',
        onclick: act(async () => {
          await api('POST', `/api/v1/conflicts/${c.id}/acknowledge`);
          go(`#/conflicts?state=${state}&ack=${c.id}`, `Conflict on ${c.address} acknowledged`);
        }) }, 'Acknowledge') : null))),
    'No conflicts here. Conflicts appear when host agents (ipkeeper agent) report what they see on the wire: an'
    + ' address answered by two MACs, an address in use that ipkeeper never allocated, or an allocation nobody uses.'
    + ' Without agents reporting, this list stays empty — see the Agents page.'));
}
