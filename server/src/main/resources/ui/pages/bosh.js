// The BOSH cloud-config subnet entry for one director (owner) in one subnet, ready to paste, with a copy button.
import { api, list, q } from '../api.js';
import { h, status, act } from '../dom.js';
import { go } from '../router.js';

export async function render(main, id, params) {
  const s = await api('GET', `/api/v1/subnets/${id}`);
  const owners = [...new Set((await list(`/api/v1/subnets/${id}/ranges`)).map(r => r.owner).filter(Boolean))];
  const owner = params.owner || owners[0];
  main.append(h('h1', {}, `BOSH snippet for ${s.prefix}`),
    h('p', {}, h('a', { href: `#/subnets/${id}` }, `Back to ${s.prefix}`)));
  if (!owner) {
    main.append(h('p', { class: 'empty' }, 'No range of this subnet is delegated to a director yet. An admin adds a'
      + ' range with an owner (the director\'s name) on the subnet page; its cloud-config entry appears here.'));
    return;
  }
  const select = h('select', { id: 'bosh-owner', name: 'owner' }, owners.map(o => h('option', { value: o }, o)));
  select.value = owner;
  select.addEventListener('change', () => go(`#/bosh/${id}?owner=${q(select.value)}`));
  main.append(h('div', { class: 'field inline' }, h('label', { for: 'bosh-owner' }, 'Director (owner)'), select));
  const yaml = await api('GET', `/api/v1/subnets/${id}/bosh?owner=${q(owner)}`, undefined, { Accept: 'application/yaml' });
  const pre = h('pre', { id: 'bosh-yaml', class: 'code', tabindex: 0 }, yaml);
  const copy = h('button', { type: 'button', id: 'copy-bosh', onclick: act(async () => {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(yaml);
    } else {
      // Plain HTTP to a remote server is not a secure context: no Clipboard API, so select and use the old command.
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      if (!document.execCommand('copy')) throw new Error('Copying is blocked here: the text is selected, press Ctrl+C.');
    }
    status('Copied the cloud-config entry to the clipboard');
  }) }, 'Copy');
  main.append(h('div', { class: 'card' }, h('div', { class: 'actions' }, copy), pre),
    h('p', { class: 'hint' }, 'Paste it under networks[].subnets[] of the director\'s cloud-config.'));
}
