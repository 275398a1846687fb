# Shared by scripts/test and scripts/bench: installing tools, a throwaway PostgreSQL, reporting.

step() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Needs root to run: $*" >&2; return 1; fi
}

# Debian packages (PostgreSQL, Chromium and its driver, nginx in front of two instances, Java for the HTML checker) and a Python venv with the checking tools.
install_tools() {
  local missing=()
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v java >/dev/null || missing+=(default-jre-headless)  # the Nu HTML checker
  if [ ${#missing[@]} -gt 0 ]; then
    step "Installing ${missing[*]}"
    as_root apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [ ! -x .venv/bin/pytest ] || ! cmp -s Tests/e2e/requirements.txt .venv/requirements.txt; then
    step "Installing Python checking tools"
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r Tests/e2e/requirements.txt
    cp Tests/e2e/requirements.txt .venv/requirements.txt
  fi
}

# A PostgreSQL cluster on 127.0.0.1 that lives for this run only (PostgreSQL refuses to run as root).
start_postgres() {
  local bin=/usr/lib/postgresql/15/bin port=${HAVEN_TEST_PG_PORT:-55432}
  PG_DIR=$(mktemp -d)
  chmod 755 "$PG_DIR"
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U haven --auth=trust -E UTF8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/pg.log" -w start \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" >/dev/null
  PG_RUN=("${run[@]}")
  POSTGRES_URL="postgres://haven@127.0.0.1:$port/postgres"
  export POSTGRES_URL
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_RUN[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}

# Adds up what each runner reported and ends with one line: "N passed, M failed".
summarise() {
  local logs=$1
  awk '
    FILENAME ~ /(sqlite|postgres)\.log$/ && /Test run with [0-9]+ tests/ {
      match($0, /with [0-9]+ tests/); total = substr($0, RSTART + 5, RLENGTH - 11) + 0
      swift[FILENAME] = total; swiftok[FILENAME] = ($0 ~ / passed after/) }
    FILENAME ~ /(sqlite|postgres)\.log$/ && /^✘ Test .* failed after/ { swiftfail[FILENAME]++ }
    FILENAME ~ /format\.log$/ && /(warning|error):/ { unformatted++ }
    FILENAME ~ /e2e\.log$/ && /[0-9]+ passed/ { match($0, /[0-9]+ passed/); pyp = substr($0, RSTART, RLENGTH) + 0 }
    FILENAME ~ /e2e\.log$/ && /[0-9]+ (failed|errors?)/ {
      s = $0; while (match(s, /[0-9]+ (failed|errors?)/)) { pyf += substr(s, RSTART, RLENGTH) + 0; s = substr(s, RSTART + RLENGTH) } }
    END {
      passed = pyp; failed = pyf
      n = split(ARGV[1] " " ARGV[2], files, " ")
      for (i = 1; i <= n; i++) { f = files[i]
        if (!(f in swift)) { failed++; continue }
        bad = swiftok[f] ? 0 : (swiftfail[f] > 0 ? swiftfail[f] : 1)
        passed += swift[f] - bad; failed += bad }
      if (pyp == 0 && pyf == 0) failed++
      if (unformatted > 0) { failed++; print "swift format lint: " unformatted " finding(s)" } else passed++
      printf "\n%d passed, %d failed\n", passed, failed
      exit failed > 0 }
  ' "$logs/sqlite.log" "$logs/postgres.log" "$logs/e2e.log" "$logs/format.log"
}
