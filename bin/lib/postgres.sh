# PostgreSQL helpers for bin/run (COUNTER_DB=postgresql), bin/bench scale and the cluster test: a private cluster in a
# data directory of ours, on loopback and a port of ours, from Debian's postgresql package. Sourced by bin scripts.

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  echo "$d"
}

# as_pg CMD...: PostgreSQL refuses to run as root; run as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DIR PORT: initialises DIR on first use and starts it. Two roles (issue 31): "counter_owner" owns the
# database and its tables and migrates them (password COUNTER_PG_OWNER_PASSWORD, default "counter-owner"); "counter"
# (password "counter") is what the server runs as, and owns nothing: it cannot alter a table or disable a trigger.
# A cluster made before, where "counter" owned everything, is handed to the owner role.
pg_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin) || return 1
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    # bin/run keeps its data directory 0700 (umask 077): the postgres user may pass through it to its own cluster
    # directory (x only: it cannot list or read anything else there)
    chmod o+x "$(dirname "$dir")"
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  fi
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null || return 1
  local psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres)
  as_pg "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='counter'" | grep -q 1 \
    || as_pg "${psql[@]}" -d postgres -qc "CREATE ROLE counter LOGIN PASSWORD 'counter'"
  as_pg "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='counter_owner'" | grep -q 1 \
    || as_pg "${psql[@]}" -d postgres -qc "CREATE ROLE counter_owner LOGIN PASSWORD '${COUNTER_PG_OWNER_PASSWORD:-counter-owner}'"
  as_pg "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='counter'" | grep -q 1 \
    || as_pg "${psql[@]}" -d postgres -qc "CREATE DATABASE counter OWNER counter_owner"
  # an older cluster: the server's role owned the database and its tables; the owner role takes them over
  if as_pg "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname='counter' AND r.rolname='counter'" | grep -q 1; then
    as_pg "${psql[@]}" -d counter -qc "REASSIGN OWNED BY counter TO counter_owner"
  fi
}

# The server's JVM options for the owner role's migrations (COUNTER_DB=postgresql): pg_migrate_opts HOST PORT DB.
pg_migrate_opts() {
  echo "-Dcounter.db.migrate.url=jdbc:postgresql://$1:$2/$3 -Dcounter.db.migrate.user=${COUNTER_PG_OWNER_USER:-counter_owner} -Dcounter.db.migrate.password=${COUNTER_PG_OWNER_PASSWORD:-counter-owner}"
}

pg_stop() {
  local dir=$1 bin
  bin=$(pg_bin) || return 1
  as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# write_postboot_pg HOST PORT DB USER PASSWORD FILE: Payara's jdbc/__default on a PostgreSQL pool (needs the
# driver on the server's classpath: payara-micro --addlibs counter-server/target/pg/postgresql-*.jar).
write_postboot_pg() {
  local host=$1 port=$2 db=$3 user=$4 password=$5 file=$6
  {
    echo "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 4 --maxpoolsize 64 --property serverName=$host:portNumber=$port:databaseName=$db:user=$user:password=$password CounterPool"
    echo "delete-jdbc-resource jdbc/__default"
    echo "create-jdbc-resource --connectionpoolid CounterPool jdbc/__default"
  } > "$file"
}
