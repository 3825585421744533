// Spaces and their subnet trees (nested, collapsible, with utilization bars), and search across all spaces.
import { list, q } from '../api.js';
import { h, bar, table, when } from '../dom.js';
import { go } from '../router.js';
import { looksLikeAddress, isMac, isPrefix, cidr } from '../ip.js';

export async function render(main) {
  main.append(h('h1', {}, 'Subnets'), searchForm(''));
  const spaces = await list('/api/v1/spaces');
  if (!spaces.length) {
    main.append(h('p', { class: 'empty' }, 'No spaces yet. An admin creates a space (a routing domain, like a VRF) and'
      + ' its subnets on the Admin page; they appear here as a tree.'));
    return;
  }
  for (const s of spaces) {
    const subnets = await list(`/api/v1/subnets?space=${s.id}&utilization=true`);
    const util = new Map(subnets.map(x => [x.id, x.utilization]));
    main.append(h('section', { class: 'card space', 'aria-labelledby': `space-${s.id}` },
      h('h2', { id: `space-${s.id}` }, s.name, s.description ? h('small', {}, ` — ${s.description}`) : null),
      subnets.length ? tree(subnets, util, null) : h('p', { class: 'empty' }, 'No subnets in this space yet.')));
  }
}

function byAddress(a, b) {
  const x = cidr(a.prefix), y = cidr(b.prefix);
  return x.v - y.v || (x.start < y.start ? -1 : x.start > y.start ? 1 : 0);
}

function tree(subnets, util, parent) {
  const kids = subnets.filter(s => (s.parent ?? null) === parent).sort(byAddress);
  if (!kids.length) return null;
  return h('ul', { class: parent == null ? 'tree' : null }, kids.map(s => {
    const u = util.get(s.id);
    const label = h('span', { class: 'node' },
      h('a', { href: `#/subnets/${s.id}`, class: 'prefix' }, s.prefix),
      h('span', { class: 'desc' }, s.description || (s.container ? 'container' : '')),
      u ? bar(u.usedPercent, u.thresholdPercent) : null);
    const sub = tree(subnets, util, s.id);
    return h('li', {}, sub ? h('details', { open: true }, h('summary', {}, label), sub) : label);
  }));
}

function searchForm(value) {
  const input = h('input', { id: 'search-q', name: 'q', type: 'search', value,
    placeholder: '198.18.10.23, 198.18.10.0/24, web-1 or 02:00:00:00:00:01' });
  const f = h('form', { class: 'search', role: 'search', id: 'search-form' },
    h('label', { for: 'search-q' }, 'Search by address, prefix, hostname or MAC'), input,
    h('button', { type: 'submit' }, 'Search'));
  f.addEventListener('submit', ev => { ev.preventDefault(); go(`#/search?q=${q(input.value.trim())}`); });
  return f;
}

export async function search(main, params) {
  const text = (params.q || '').trim();
  main.append(h('h1', {}, `Search: ${text}`), searchForm(text));
  if (!text) return;
  let subnets = [];
  let allocations = [];
  if (isPrefix(text) || looksLikeAddress(text)) {
    subnets = await list(`/api/v1/subnets?contains=${q(text)}`);
    if (!isPrefix(text)) allocations = await list(`/api/v1/allocations?address=${q(text)}`);
  } else if (isMac(text)) {
    allocations = await list(`/api/v1/allocations?mac=${q(text)}`);
  } else {
    subnets = await list(`/api/v1/subnets?q=${q(text)}`);
    allocations = await list(`/api/v1/allocations?hostname=${q(text)}`);
  }
  main.append(h('h2', {}, 'Subnets'), table('Matching subnets', ['Prefix', 'Space', 'Description'],
    subnets.map(s => h('tr', {}, h('td', {}, h('a', { href: `#/subnets/${s.id}` }, s.prefix)), h('td', {}, s.space),
      h('td', {}, s.description || ''))), 'No subnet matches.'));
  main.append(h('h2', {}, 'Addresses'), table('Matching addresses',
    ['Address', 'State', 'Hostname', 'MAC', 'Owner', 'Since'],
    allocations.map(a => h('tr', {}, h('td', {}, h('a', { href: `#/subnets/${a.subnet}` }, a.address)),
      h('td', {}, h('span', { class: `state ${a.state}` }, a.state)), h('td', {}, a.hostname || ''),
      h('td', {}, a.mac || ''), h('td', {}, a.owner || ''), h('td', {}, when(a.createdAt)))),
    'No allocated, reserved or quarantined address matches.'));
}
