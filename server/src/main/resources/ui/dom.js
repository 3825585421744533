// Building DOM without innerHTML: every text goes through textContent, so stored strings cannot inject markup.
let seq = 0;

export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, kids);
  return el;
}

function add(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k == null || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
}

export function clear(el) { el.replaceChildren(); return el; }

export function status(text) { document.getElementById('status').textContent = text; }

export function error(e) {
  const el = document.getElementById('error');
  el.textContent = e ? (e.message || String(e)) : '';
}

/** A labelled form control; options makes a select, type "textarea" a textarea. */
export function field(label, name, opts = {}) {
  const id = `f-${name}-${++seq}`;
  let control;
  if (opts.options) {
    control = h('select', { id, name, required: opts.required, multiple: opts.multiple },
      opts.options.map(o => (Array.isArray(o) ? h('option', { value: o[0] }, o[1]) : h('option', { value: o }, o))));
    if (opts.value != null) control.value = opts.value;
  } else if (opts.type === 'textarea') {
    control = h('textarea', { id, name, rows: 3 });
    if (opts.value != null) control.value = opts.value;
  } else {
    control = h('input', { id, name, type: opts.type || 'text', required: opts.required,
      placeholder: opts.placeholder, autocomplete: opts.autocomplete || 'off', value: opts.value,
      multiple: opts.multiple });
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control,
    opts.hint ? h('small', {}, opts.hint) : null);
}

/** A form whose submit runs {@code action(values)}; errors go to the alert region, the button is busy meanwhile. */
export function form(id, title, fields, submitLabel, action) {
  const button = h('button', { type: 'submit' }, submitLabel);
  const f = h('form', { id, class: 'card form', 'aria-label': title }, title ? h('h3', {}, title) : null,
    h('div', { class: 'fields' }, fields), h('div', { class: 'actions' }, button));
  f.addEventListener('submit', async ev => {
    ev.preventDefault();
    error(null);
    button.disabled = true;
    try {
      await action(values(f), f);
    } catch (e) {
      error(e);
    } finally {
      button.disabled = false;
    }
  });
  return f;
}

export function values(f) {
  const out = {};
  for (const el of f.elements) {
    if (!el.name) continue;
    if (el.multiple) out[el.name] = [...el.selectedOptions].map(o => o.value);
    else out[el.name] = el.value.trim();
  }
  return out;
}

/** Drops empty strings so optional fields stay absent from the JSON body. */
export function compact(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== '' && v != null));
}

export function table(caption, headers, rows, empty) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'scroll' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows)));
}

/** A modal confirmation (native dialog: focus trap and Escape for free); resolves true on confirm. */
export function confirmDialog(text, confirmLabel) {
  return new Promise(resolve => {
    const ok = h('button', { type: 'button', class: 'danger', id: 'confirm-ok' }, confirmLabel);
    const cancel = h('button', { type: 'button', id: 'confirm-cancel' }, 'Cancel');
    const d = h('dialog', { 'aria-labelledby': 'confirm-text' }, h('p', { id: 'confirm-text' }, text),
      h('div', { class: 'actions' }, cancel, ok));
    const done = v => { d.close(); d.remove(); resolve(v); };
    ok.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    d.addEventListener('cancel', () => done(false));
    document.body.append(d);
    d.showModal();
    cancel.focus();
  });
}

export function when(iso) { return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '—'; }

export function bar(percent, threshold) {
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${Math.min(100, percent)}%`; // CSSOM, not a style attribute: allowed by the CSP
  const cls = percent >= (threshold || 90) ? 'bar hot' : percent >= 70 ? 'bar warm' : 'bar';
  return h('span', { class: 'util' }, h('span', { class: cls, role: 'img', 'aria-label': `${percent}% used` }, fill),
    h('span', { class: 'pct' }, `${percent}%`));
}

/** Wraps a click handler so a failed API call lands in the alert region instead of the console. */
export function act(fn) {
  return async ev => {
    error(null);
    try { await fn(ev); } catch (e) { error(e); }
  };
}
