# Shared by bin/run and bin/bench: paths, build-if-needed, free ports, waiting for URLs.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PAYARA_VERSION=6.2025.10
WAR=$ROOT/counter-server/target/ROOT.war
MICRO=$ROOT/counter-server/target/payara-micro-$PAYARA_VERSION.jar
TERMINAL_JAR=$ROOT/terminal/target/terminal-0.1.0-SNAPSHOT.jar

log() { printf '[%s] %s\n' "${LOG_TAG:-bin}" "$*"; }

needs_build() {
  [ -f "$WAR" ] && [ -f "$MICRO" ] && [ -f "$TERMINAL_JAR" ] || return 0
  [ -n "$(cd "$ROOT" && find pom.xml forms devices terminal counter-server bench -newer "$WAR" -type f \( -name pom.xml -o -path '*/src/main/*' \) 2>/dev/null | head -1)" ]
}

build_if_needed() {
  if needs_build; then
    log "building (mvn -B -q -DskipTests install) ..."
    (cd "$ROOT" && mvn -B -q -DskipTests install)
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Writes an asadmin post-boot file pointing jdbc/__default at the given H2/JDBC URL (colons escaped for asadmin).
write_postboot() {
  local url=$1 file=$2
  {
    echo "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource --property URL=${url//:/\\:} CounterPool"
    echo "delete-jdbc-resource jdbc/__default"
    echo "create-jdbc-resource --connectionpoolid CounterPool jdbc/__default"
  } > "$file"
}

# wait_for_url URL SECONDS [PID]: polls until HTTP 2xx; fails if PID dies.
wait_for_url() {
  local url=$1 seconds=$2 pid=${3:-}
  local deadline=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    curl -fs -o /dev/null "$url" 2>/dev/null && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.05
  done
  return 1
}

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
