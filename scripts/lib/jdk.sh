# shellcheck shell=bash
# Finds a JDK 25 or newer. Sourced by ./ipkeeper and ./ipkeeper-test.
#
# Order: $JAVA_HOME if it is 25+, then every JDK under $IPKEEPER_JVM_DIR (default /usr/lib/jvm), newest first.
# Prints the JDK's home on stdout; on failure prints a clear message on stderr and returns 1.

IPK_MIN_JAVA=25

# Major version of the JDK at $1 (e.g. 25), from its release file or by asking its java; empty if not a JDK.
ipk_jdk_major() {
  local home=$1 v=""
  [ -x "$home/bin/java" ] || return 1
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  [ -n "$v" ] || return 1
  v=${v#1.}          # 1.8 -> 8
  echo "${v%%[.+-]*}"
}

ipk_find_jdk() {
  local major candidate best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(ipk_jdk_major "$JAVA_HOME" 2>/dev/null || true)
    if [ -n "$major" ] && [ "$major" -ge "$IPK_MIN_JAVA" ]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  local dir=${IPKEEPER_JVM_DIR:-/usr/lib/jvm}
  for candidate in "$dir"/*; do
    [ -d "$candidate" ] || continue
    [ -L "$candidate" ] && continue   # Debian's version aliases point at the same JDKs
    major=$(ipk_jdk_major "$candidate" 2>/dev/null || true)
    [ -n "$major" ] || continue
    if [ "$major" -ge "$IPK_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -n "$best" ]; then
    echo "$best"
    return 0
  fi
  {
    echo "ipkeeper: no JDK $IPK_MIN_JAVA or newer found."
    if [ -n "${JAVA_HOME:-}" ]; then
      echo "  JAVA_HOME=$JAVA_HOME is not a JDK $IPK_MIN_JAVA+ (version: ${major:-unknown})."
    fi
    echo "  Looked in JAVA_HOME and under $dir."
    echo "  Install a JDK $IPK_MIN_JAVA (e.g. Eclipse Temurin 25) and set JAVA_HOME to it."
  } >&2
  return 1
}
