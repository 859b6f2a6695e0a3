#!/bin/bash
# kill -9 during saves (RELIABILITY.md): N runs of analyze --all --save at random
# dates, each killed after a random 0-0.6 s; then the store must pass
# integrity_check, every run must hold all its findings, and a new save must work.
# Usage: LACUNA=./lacuna DB=/tmp/k9/store.db scripts/kill9-saves.sh 80
db=${DB:-/tmp/k9/store.db}
lacuna=${LACUNA:-lacuna}
n=${1:-40}
killed=0
for i in $(seq 1 $n); do
  $lacuna analyze --all --save --as-of 20$((10 + RANDOM % 15))-0$((RANDOM % 9 + 1))-1$((RANDOM % 9)) --db $db >/dev/null 2>&1 &
  pid=$!
  sleep 0.$((RANDOM % 6))$((RANDOM % 10))
  if kill -9 $pid 2>/dev/null; then killed=$((killed+1)); fi
  wait $pid 2>/dev/null
done
echo "runs: $n, killed while running: $killed"
DB=$db python3 - <<'PY'
import sqlite3
c=sqlite3.connect(__import__("os").environ.get("DB","/tmp/k9/store.db"))
print('integrity:', c.execute('pragma integrity_check').fetchone()[0])
tables=[r[0] for r in c.execute("select name from sqlite_master where type='table'")]
print('tables:', ','.join(t for t in tables if not t.startswith('sqlite')))
if 'runs' in tables:
    from collections import Counter
    rows = c.execute('select r.id, (select count(*) from findings f where f.run_id = r.id) from runs r').fetchall()
    print('runs by number of findings:', dict(Counter(n for _, n in rows)))
PY
$lacuna runs --db $db 2>&1 | tail -3
$lacuna analyze --country XEA --save --db $db 2>&1 | tail -1
