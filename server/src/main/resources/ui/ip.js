// Address arithmetic with BigInt, so IPv6 works the same as IPv4 (an IPv6 /64 does not fit a JavaScript number).
export function parse(text) {
  if (text.includes(':')) {
    let [head, tail] = text.split('::');
    const hs = head ? head.split(':') : [];
    const ts = tail != null ? (tail ? tail.split(':') : []) : [];
    const groups = tail != null ? [...hs, ...Array(8 - hs.length - ts.length).fill('0'), ...ts] : hs;
    return { v: 6, n: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
  }
  return { v: 4, n: text.split('.').reduce((acc, o) => (acc << 8n) | BigInt(o), 0n) };
}

export function format(v, n) {
  if (v === 4) return [24n, 16n, 8n, 0n].map(s => ((n >> s) & 255n).toString()).join('.');
  const g = [];
  for (let s = 112n; s >= 0n; s -= 16n) g.push(((n >> s) & 0xffffn).toString(16));
  // compress the longest run of zero groups
  let best = -1, len = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && g[j] === '0') j++;
    if (j - i > len && j - i > 1) { best = i; len = j - i; }
  }
  if (best < 0) return g.join(':');
  return `${g.slice(0, best).join(':')}::${g.slice(best + len).join(':')}`;
}

export function cidr(prefix) {
  const [addr, bits] = prefix.split('/');
  const a = parse(addr);
  const width = a.v === 4 ? 32n : 128n;
  const size = 1n << (width - BigInt(bits));
  return { v: a.v, start: a.n, end: a.n + size - 1n, size, bits: Number(bits) };
}

/** The addresses hosts may use: IPv4 subnets up to /30 lose their network and broadcast addresses. */
export function usable(c) {
  if (c.v === 4 && c.bits <= 30) return { start: c.start + 1n, end: c.end - 1n };
  return { start: c.start, end: c.end };
}

export function looksLikeAddress(text) {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || (/^[0-9a-f:]+$/i.test(text) && text.includes(':') && !isMac(text));
}

export function isMac(text) { return /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(text); }

export function isPrefix(text) { return /^[0-9a-f.:]+\/\d{1,3}$/i.test(text); }
