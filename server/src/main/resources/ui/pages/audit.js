// The audit log, global or filtered to one object / actor / request (the filters are the API's query parameters).
import { list, q } from '../api.js';
import { h, table, when, field, form, compact } from '../dom.js';
import { go } from '../router.js';

const FILTERS = ['objectType', 'objectId', 'actor', 'action', 'requestId'];
const LABELS = { objectType: 'Object type', objectId: 'Object id', actor: 'Actor', action: 'Action', requestId: 'Request id' };

export async function render(main, params) {
  const filters = Object.fromEntries(FILTERS.filter(k => params[k]).map(k => [k, params[k]]));
  const scope = filters.objectType ? ` of ${filters.objectType}${filters.objectId ? ` ${filters.objectId}` : ''}` : '';
  main.append(h('h1', {}, `Audit log${scope}`));
  main.append(form('audit-filter', 'Filter', FILTERS.map(k => field(LABELS[k], k, { value: params[k] ?? '' })), 'Apply',
    async v => go(`#/audit?${new URLSearchParams(compact(v))}`)));
  const query = new URLSearchParams(filters).toString();
  const events = await list(`/api/v1/audit${query ? `?${query}` : ''}`, 200);
  main.append(table(`Audit events, newest first${events.length === 200 ? ' (the latest 200; filter to see older ones)' : ''}`, ['When', 'Actor', 'Action', 'Object', 'Request', 'Change'],
    events.map(e => h('tr', {}, h('td', {}, when(e.occurredAt)), h('td', {}, e.actor), h('td', { class: 'action' }, e.action),
      h('td', {}, e.objectType ? h('a', { href: `#/audit?objectType=${q(e.objectType)}&objectId=${e.objectId ?? ''}` },
        `${e.objectType} ${e.objectId ?? ''}`) : ''),
      h('td', {}, e.requestId ? h('a', { href: `#/audit?requestId=${q(e.requestId)}`, title: e.requestId },
        e.requestId.slice(0, 8)) : ''),
      h('td', {}, h('details', {}, h('summary', {}, 'before / after'),
        h('pre', {}, JSON.stringify({ before: e.before, after: e.after }, null, 2)))))),
    'No audit events match.'));
}
