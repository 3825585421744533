// The subnet page: details, ranges (who a block is delegated to), address map, the list with free gaps inline,
// allocate next free, edit and release.
import { api, list, q } from '../api.js';
import { h, bar, field, form, table, confirmDialog, compact, act } from '../dom.js';
import { can } from '../session.js';
import { go } from '../router.js';
import { cidr, usable, parse, format } from '../ip.js';

/** Up to this many addresses (a /22) the map draws one cell per address; beyond, aggregated blocks. */
const MAP_CELLS = 1024n;
const BLOCKS = 256n;

export async function render(main, id) {
  const s = await api('GET', `/api/v1/subnets/${id}`);
  const space = await api('GET', `/api/v1/spaces/${s.space}`);
  const net = cidr(s.prefix);
  main.append(h('h1', {}, s.prefix), details(s, space));
  if (can('manage')) main.append(editSubnet(s));
  if (s.container) {
    await container(main, s);
    return;
  }
  const [ranges, allocations, conflicts] = await Promise.all([
    list(`/api/v1/subnets/${id}/ranges`), list(`/api/v1/allocations?subnet=${id}`),
    list(`/api/v1/conflicts?state=open&space=${s.space}`)]);
  const conflicted = new Set(conflicts.map(c => c.address));
  if (can('allocate')) main.append(allocateForm(s, ranges));
  main.append(rangesSection(s, ranges));
  main.append(h('section', { 'aria-labelledby': 'map-h' }, h('h2', { id: 'map-h' }, 'Address map'),
    legend(), addressMap(net, allocations, conflicted, s.gateway)));
  main.append(h('section', { 'aria-labelledby': 'list-h' }, h('h2', { id: 'list-h' }, 'Addresses'),
    h('div', { id: 'edit-box' }), addressList(net, allocations, s.gateway)));
}

function details(s, space) {
  const u = s.utilization;
  const row = (k, v) => [h('dt', {}, k), h('dd', {}, v ?? '—')];
  return h('section', { class: 'card' }, h('dl', { class: 'details' },
    row('Space', space.name), row('Kind', s.container ? 'container' : 'leaf'), row('Gateway', s.gateway),
    row('VLAN', s.vlan == null ? null : String(s.vlan)), row('DNS', s.dnsServers.join(', ') || null),
    row('Description', s.description),
    row('Utilization', h('span', {}, bar(u.usedPercent, u.thresholdPercent),
      ` ${u.allocated} allocated, ${u.reserved} reserved, ${u.quarantined} quarantined, ${u.free} free of ${u.size}`)),
    row('History', h('a', { href: `#/audit?objectType=subnet&objectId=${s.id}` }, 'Audit log of this subnet'))));
}

/** Admin: change what a subnet says about itself (never its prefix); If-Match makes a concurrent change a 412. */
function editSubnet(s) {
  const f = form('subnet-edit-form', 'Edit subnet', [
    field('Description', 'description', { value: s.description ?? '' }),
    field('Gateway', 'gateway', { value: s.gateway ?? '' }),
    field('VLAN', 'vlan', { type: 'number', value: s.vlan ?? '' }),
    field('DNS servers', 'dnsServers', { value: s.dnsServers.join(', '), hint: 'comma-separated' }),
    field('Alert at % used', 'utilizationThreshold', { type: 'number', value: s.utilizationThreshold ?? '' }),
  ], 'Save subnet', async v => {
    const num = x => (x === '' ? null : Number(x));
    await api('PATCH', `/api/v1/subnets/${s.id}`, {
      description: v.description || null, gateway: v.gateway || null, vlan: num(v.vlan),
      dnsServers: v.dnsServers ? v.dnsServers.split(/[\s,]+/).filter(Boolean) : [],
      utilizationThreshold: num(v.utilizationThreshold),
    }, { 'If-Match': s.etag });
    go(`#/subnets/${s.id}?saved=${Date.now()}`, `Saved ${s.prefix}`);
  });
  return h('details', { class: 'edit-subnet' }, h('summary', {}, 'Edit subnet'), f);
}

async function container(main, s) {
  const children = (await list(`/api/v1/subnets?space=${s.space}`)).filter(c => c.parent === s.id);
  main.append(h('h2', {}, 'Child prefixes'), table('Child prefixes', ['Prefix', 'Description'],
    children.map(c => h('tr', {}, h('td', {}, h('a', { href: `#/subnets/${c.id}` }, c.prefix)),
      h('td', {}, c.description || ''))), 'No child prefixes yet.'));
  if (can('manage')) {
    main.append(form('child-form', 'Next free child prefix', [
      field('Prefix length', 'prefixLength', { type: 'number', required: true, placeholder: '26' }),
      field('Description', 'description'),
    ], 'Allocate prefix', async v => {
      const c = await api('POST', `/api/v1/subnets/${s.id}/child-prefixes`,
        compact({ ...v, prefixLength: Number(v.prefixLength) }));
      go(`#/subnets/${c.id}`, `Created ${c.prefix}`);
    }));
  }
}

function allocateForm(s, ranges) {
  const owners = [...new Set(ranges.map(r => r.owner).filter(Boolean))];
  return form('allocate-form', 'Allocate next free address', [
    field('Hostname', 'hostname', { placeholder: 'web-1' }),
    field('MAC', 'mac', { placeholder: '02:00:00:00:00:01' }),
    owners.length ? field('Owner', 'owner', { options: [['', '(none: undelegated space)'], ...owners] })
      : field('Owner', 'owner', { placeholder: 'optional' }),
    field('Description', 'description'),
  ], 'Allocate next free', async v => {
    const [a] = await api('POST', `/api/v1/subnets/${s.id}/allocations`, compact(v));
    go(`#/subnets/${s.id}?allocated=${q(a.address)}`, `Allocated ${a.address}`);
  });
}

function rangesSection(s, ranges) {
  const manage = can('manage');
  const sec = h('section', { 'aria-labelledby': 'ranges-h' }, h('h2', { id: 'ranges-h' }, 'Ranges'),
    table('Ranges of this subnet', ['Start', 'End', 'Size', 'Purpose', 'Delegated to', 'Description', ''],
      ranges.map(r => h('tr', {}, h('td', {}, r.start), h('td', {}, r.end), h('td', {}, String(r.size)),
        h('td', {}, r.purpose), h('td', { class: 'owner' }, r.owner || '—'), h('td', {}, r.description || ''),
        h('td', {}, r.owner ? h('a', { href: `#/bosh/${s.id}?owner=${q(r.owner)}` }, 'BOSH snippet') : null,
          manage ? [' ', h('button', { type: 'button', class: 'danger small', onclick: act(async () => {
            if (!await confirmDialog(`Delete range ${r.start}–${r.end}?`, 'Delete range')) return;
            await api('DELETE', `/api/v1/ranges/${r.id}`);
            go(`#/subnets/${s.id}`, 'Range deleted');
          }) }, 'Delete')] : null))),
      'No ranges: the whole subnet is one static pool. An admin can carve out blocks and delegate them to an owner'
      + ' (e.g. a BOSH director).'));
  if (manage) {
    sec.append(form('range-form', 'Add a range (delegate a block)', [
      field('Start', 'start', { required: true }), field('End', 'end', { required: true }),
      field('Purpose', 'purpose', { options: ['static', 'dynamic', 'reserved'] }),
      field('Delegated to (owner)', 'owner', { placeholder: 'bosh-west' }), field('Description', 'description'),
    ], 'Add range', async v => {
      await api('POST', `/api/v1/subnets/${s.id}/ranges`, compact(v));
      go(`#/subnets/${s.id}`, `Range ${v.start}–${v.end} added`);
    }));
  }
  return sec;
}

function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Map colours' },
    ['free', 'allocated', 'reserved', 'quarantined', 'conflict', 'gateway', 'unusable'].map(k =>
      h('li', {}, h('span', { class: `cell ${k}` }), k)));
}

function addressMap(net, allocations, conflicted, gateway) {
  const byAddr = new Map(allocations.map(a => [parse(a.address).n, a]));
  const use = usable(net);
  if (net.size <= MAP_CELLS) {
    const cells = [];
    for (let n = net.start; n <= net.end; n++) {
      const a = byAddr.get(n);
      const addr = format(net.v, n);
      const state = conflicted.has(addr) ? 'conflict' : a ? a.state : addr === gateway ? 'gateway'
        : (n < use.start || n > use.end) ? 'unusable' : 'free';
      const label = `${addr} ${state}${a && a.hostname ? ` ${a.hostname}` : ''}`;
      cells.push(h('span', { class: `cell ${state}`, title: label, 'data-address': addr, role: 'listitem',
        'aria-label': label }));
    }
    return h('div', { class: 'map', id: 'address-map', role: 'list', 'aria-label': 'One cell per address' }, cells);
  }
  // Aggregated: BLOCKS equal blocks, shaded by how many of their addresses are in use.
  const blockSize = net.size / BLOCKS;
  const used = new Array(Number(BLOCKS)).fill(0);
  for (const n of byAddr.keys()) used[Number((n - net.start) / blockSize)]++;
  const cells = used.map((u, i) => {
    const first = format(net.v, net.start + BigInt(i) * blockSize);
    const level = u === 0 ? 0 : Math.min(4, 1 + Math.floor(4 * u / Number(blockSize > 1000000n ? 1000000n : blockSize)));
    const label = `block from ${first}: ${u} in use of ${blockSize}`;
    return h('span', { class: `cell block level${level}`, title: label, role: 'listitem', 'aria-label': label });
  });
  return [h('p', { class: 'hint' }, `Too many addresses for one cell each: ${BLOCKS} blocks of ${blockSize} addresses,`
    + ' darker blue = more of the block in use.'),
  h('div', { class: 'map blocks', id: 'address-map', role: 'list',
    'aria-label': `${BLOCKS} blocks of ${blockSize} addresses` }, cells)];
}

function addressList(net, allocations, gateway) {
  const use = usable(net);
  // The gateway is not allocatable: it is a row of its own, not part of a free gap.
  const rowsOf = gateway && !allocations.some(a => a.address === gateway)
    ? [...allocations, { address: gateway, state: 'gateway' }] : allocations;
  const sorted = [...rowsOf].sort((a, b) => (parse(a.address).n < parse(b.address).n ? -1 : 1));
  const rows = [];
  let next = use.start;
  const gap = (from, to) => {
    if (to < from) return;
    const count = to - from + 1n;
    rows.push(h('tr', { class: 'gap' }, h('td', { colspan: 7 },
      `${count} address${count === 1n ? '' : 'es'} free`, h('small', {}, ` ${format(net.v, from)}${count > 1n ? ` – ${format(net.v, to)}` : ''}`))));
  };
  for (const a of sorted) {
    const n = parse(a.address).n;
    gap(next, n - 1n);
    rows.push(a.state === 'gateway' ? h('tr', { 'data-address': a.address }, h('td', {}, h('code', {}, a.address)),
      h('td', {}, h('span', { class: 'state' }, 'gateway')), h('td', { colspan: 5 })) : allocationRow(a));
    next = n + 1n;
  }
  gap(next, use.end);
  return table('Addresses with free gaps', ['Address', 'State', 'Hostname', 'MAC', 'Owner', 'Description', ''], rows,
    'This subnet has no addresses.');
}

function allocationRow(a) {
  const actions = [];
  if (can('allocate') && a.state !== 'quarantined') {
    actions.push(h('button', { type: 'button', class: 'small', 'data-edit': a.address, onclick: act(() => edit(a)) }, 'Edit'));
    actions.push(' ', h('button', { type: 'button', class: 'danger small', 'data-release': a.address,
      onclick: act(async () => {
        if (!await confirmDialog(`Release ${a.address}${a.hostname ? ` (${a.hostname})` : ''}? It goes into quarantine`
          + ' before anyone can get it again.', 'Release')) return;
        await api('DELETE', `/api/v1/allocations/${a.id}`);
        go(`#/subnets/${a.subnet}?released=${q(a.address)}`, `Released ${a.address}`);
      }) }, 'Release'));
  }
  actions.push(' ', h('a', { href: `#/audit?objectType=allocation&objectId=${a.id}` }, 'history'));
  return h('tr', { 'data-address': a.address }, h('td', {}, h('code', {}, a.address)),
    h('td', {}, h('span', { class: `state ${a.state}` }, a.state)), h('td', { class: 'hostname' }, a.hostname || ''),
    h('td', { class: 'mac' }, a.mac || ''), h('td', {}, a.owner || ''), h('td', { class: 'description' }, a.description || ''),
    h('td', { class: 'row-actions' }, actions));
}

async function edit(a) {
  const current = await api('GET', `/api/v1/allocations/${a.id}`);
  const box = document.getElementById('edit-box');
  box.replaceChildren(form('edit-form', `Edit ${a.address}`, [
    field('Hostname', 'hostname', { value: current.hostname ?? '' }),
    field('MAC', 'mac', { value: current.mac ?? '' }),
    field('Description', 'description', { value: current.description ?? '' }),
  ], 'Save', async v => {
    // Empty clears the field (merge patch null); If-Match turns a concurrent change into a clear 412.
    const patch = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' ? null : x]));
    await api('PATCH', `/api/v1/allocations/${a.id}`, patch, { 'If-Match': current.etag });
    go(`#/subnets/${a.subnet}?edited=${q(a.address)}`, `Saved ${a.address}`);
  }));
  box.querySelector('input').focus();
}
