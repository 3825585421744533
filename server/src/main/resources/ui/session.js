// Who is logged in, and what the role may do; pages use can() to leave out actions the API would refuse.
import { api, setCsrf } from './api.js';

let current = null;

export function me() { return current; }

export async function load() {
  try {
    current = await api('GET', '/api/v1/session');
    setCsrf(current.csrfToken);
  } catch {
    current = null;
  }
  return current;
}

export async function login(username, password) {
  const s = await api('POST', '/api/v1/session', { username, password });
  setCsrf(s.csrfToken);
  return load();
}

export async function logout() {
  try { await api('DELETE', '/api/v1/session'); } finally { current = null; setCsrf(null); }
}

const ALLOCATORS = ['admin', 'engineer', 'service'];

/** manage: spaces, subnets, ranges, users, tokens, grants, webhooks, conflicts; allocate: addresses (within grants). */
export function can(what) {
  const role = current?.role;
  if (what === 'manage') return role === 'admin';
  if (what === 'allocate') return ALLOCATORS.includes(role);
  return role != null;
}
