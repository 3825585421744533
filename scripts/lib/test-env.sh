# shellcheck shell=bash
# Test prerequisites for ./ipkeeper-test: Debian packages and a PostgreSQL server.

# Debian packages the suite needs: PostgreSQL for storage tests, Go + memberlist sources and Serf for interop tests,
# Chromium for browser tests, iproute2 for network-namespace tests.
IPK_TEST_PACKAGES="postgresql serf golang-go golang-github-hashicorp-memberlist-dev chromium chromium-driver iproute2 python3-pynetbox ansible"

ipk_package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

ipk_install_test_packages() {
  local missing=() pkg
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system: install $IPK_TEST_PACKAGES yourself"; return 0; }
  for pkg in $IPK_TEST_PACKAGES; do
    ipk_package_installed "$pkg" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing packages: ${missing[*]}; not root, so not installing them."
    say "  tests that need them will fail with a message (or opt out with IPKEEPER_TEST_SKIP)."
    return 0
  fi
  say "installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # Package scripts must not start services in this sandbox (e.g. serf's unit): policy-rc.d is respected by invoke-rc.d.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

IPK_PG_PRIVATE_DIR=""
IPK_PG_PRIVATE_PORT=""

ipk_pg_answers() { # host port user db
  command -v psql >/dev/null 2>&1 || return 1
  PGCONNECT_TIMEOUT=3 psql -h "$1" -p "$2" -U "$3" -d "$4" -tAc 'select 1' >/dev/null 2>&1
}

ipk_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

ipk_setup_postgres() {
  if [ -n "${IPKEEPER_TEST_PG_URL:-}" ]; then
    say "PostgreSQL: IPKEEPER_TEST_PG_URL=$IPKEEPER_TEST_PG_URL"
    return 0
  fi
  local db
  for db in test postgres; do
    if ipk_pg_answers 127.0.0.1 5432 postgres "$db"; then
      export IPKEEPER_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
      say "PostgreSQL: 127.0.0.1:5432 database $db as postgres"
      return 0
    fi
  done
  # Nothing answers: start a private throw-away cluster (trust auth, free port, temp dir), removed on exit.
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    say "PostgreSQL: none answers on 127.0.0.1:5432 and initdb is not installed; storage tests will fail (or set IPKEEPER_TEST_SKIP=pg)"
    return 0
  fi
  IPK_PG_PRIVATE_DIR=$(mktemp -d /tmp/ipkeeper-pg.XXXXXX)
  IPK_PG_PRIVATE_PORT=$(ipk_free_port)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$IPK_PG_PRIVATE_DIR"   # initdb refuses to run as root
    run=(runuser -u postgres --)
  fi
  say "PostgreSQL: starting a private cluster on 127.0.0.1:$IPK_PG_PRIVATE_PORT in $IPK_PG_PRIVATE_DIR"
  "${run[@]}" "$bindir/initdb" -D "$IPK_PG_PRIVATE_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
  "${run[@]}" "$bindir/pg_ctl" -D "$IPK_PG_PRIVATE_DIR/data" -l "$IPK_PG_PRIVATE_DIR/log" -w \
    -o "-p $IPK_PG_PRIVATE_PORT -k $IPK_PG_PRIVATE_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
  "${run[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$IPK_PG_PRIVATE_PORT" -U postgres test
  export IPKEEPER_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$IPK_PG_PRIVATE_PORT/test?user=postgres"
}

ipk_teardown_postgres() {
  [ -n "$IPK_PG_PRIVATE_DIR" ] || return 0
  local bindir run=()
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$bindir/pg_ctl" -D "$IPK_PG_PRIVATE_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$IPK_PG_PRIVATE_DIR"
  say "PostgreSQL: private cluster stopped and removed"
}
