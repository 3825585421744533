// Host agents: alive or not (from their report interval), last report, which subnets their ARP watch covers.
import { list } from '../api.js';
import { h, table, when } from '../dom.js';

export async function render(main) {
  main.append(h('h1', {}, 'Agents'));
  const agents = await list('/api/v1/agents');
  main.append(table('Host agents', ['Name', 'Host', 'Space', 'State', 'Last report', 'Covered subnets', 'Version'],
    agents.map(a => h('tr', {}, h('td', {}, a.name), h('td', {}, a.hostname || ''), h('td', {}, a.space?.name ?? ''),
      h('td', {}, h('span', { class: `state ${a.alive ? 'alive' : 'dead'}` }, a.alive ? 'alive' : 'silent')),
      h('td', {}, when(a.lastReportAt)),
      h('td', {}, (a.coveredSubnets || []).map(c => (typeof c === 'string' ? c : c.prefix || JSON.stringify(c))).join(', ')),
      h('td', {}, a.version || ''))),
    'No agent has reported yet. Run "ipkeeper agent" on hosts (see docs/agent.md): each one reports its interfaces'
    + ' and the ARP traffic it sees, shows up here with its last report time, and turns silent when reports stop.'
    + ' Their observations feed the Conflicts queue.'));
}
