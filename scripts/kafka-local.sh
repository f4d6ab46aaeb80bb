#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft) on 127.0.0.1:9092 for people without Docker.
#
#   scripts/kafka-local.sh start|stop|status
#
# Needs java (17+) and mvn. State lives in .kafka-local/ at the repository root (git-ignored):
# classpath.txt (cached; delete it after changing the Kafka version), server.properties, data/,
# kafka.pid and kafka.log. Data survives stop/start; delete .kafka-local/data to start empty.
# Environment: KAFKA_LOCAL_HEAP (default -Xmx512m), MVN_ARGS (extra Maven arguments, e.g. -o).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.kafka-local"
CLASSPATH_FILE="$STATE/classpath.txt"
PROPS="$STATE/server.properties"
DATA="$STATE/data"
PID_FILE="$STATE/kafka.pid"
LOG_FILE="$STATE/kafka.log"
HOST=127.0.0.1
PORT=9092
CONTROLLER_PORT=9093
START_TIMEOUT_S=60
STOP_TIMEOUT_S=30

die() { echo "kafka-local: $*" >&2; exit 1; }

port_answers() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

resolve_classpath() {
  if [[ ! -s "$CLASSPATH_FILE" ]]; then
    command -v mvn >/dev/null || die "mvn not found; it resolves Kafka's jars"
    echo "kafka-local: resolving Kafka's classpath with Maven (once)..." >&2
    # shellcheck disable=SC2086
    mvn -q -B ${MVN_ARGS:-} -f "$ROOT/scripts/kafka-local/pom.xml" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$CLASSPATH_FILE" -Dstyle.color=never >&2 \
      || { rm -f "$CLASSPATH_FILE"; die "Maven could not resolve Kafka's classpath"; }
  fi
  cat "$CLASSPATH_FILE"
}

write_config() {
  cat > "$PROPS" <<PROPERTIES
# Written by scripts/kafka-local.sh: one node that is both broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=4194304
PROPERTIES
  cat > "$STATE/logback.xml" <<'LOGBACK'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="OUT"/></root>
</configuration>
LOGBACK
}

# A random 16-byte UUID in URL-safe base64 without padding: 22 characters, as Kafka expects.
new_cluster_id() {
  head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

start() {
  if pid="$(running_pid)"; then
    echo "kafka-local: already running (pid $pid) on $HOST:$PORT"
    return 0
  fi
  port_answers "$PORT" && die "something else already listens on $HOST:$PORT"
  command -v java >/dev/null || die "java not found (Java 17+ is needed)"
  mkdir -p "$STATE" "$DATA"
  local cp
  cp="$(resolve_classpath)"
  write_config
  local java_opts=(${KAFKA_LOCAL_HEAP:--Xmx512m} "-Dlogback.configurationFile=$STATE/logback.xml")
  if [[ ! -f "$DATA/meta.properties" ]]; then
    echo "kafka-local: formatting $DATA"
    java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool format \
      -t "$(new_cluster_id)" -c "$PROPS" >>"$LOG_FILE" 2>&1 \
      || die "formatting failed; see $LOG_FILE"
  fi
  local began=$SECONDS
  nohup java "${java_opts[@]}" -cp "$cp" kafka.Kafka "$PROPS" >>"$LOG_FILE" 2>&1 &
  echo $! > "$PID_FILE"
  local pid=$!
  until port_answers "$PORT"; do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; die "Kafka exited during start; see $LOG_FILE"; }
    (( SECONDS - began < START_TIMEOUT_S )) || die "port $PORT not open after ${START_TIMEOUT_S}s; see $LOG_FILE"
    sleep 0.2
  done
  echo "kafka-local: running (pid $pid), bootstrap servers $HOST:$PORT, up in $((SECONDS - began))s; log $LOG_FILE"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "kafka-local: not running"
    return 0
  fi
  kill -TERM "$pid"
  local began=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    (( SECONDS - began < STOP_TIMEOUT_S )) || die "pid $pid still running ${STOP_TIMEOUT_S}s after SIGTERM"
    sleep 0.2
  done
  rm -f "$PID_FILE"
  echo "kafka-local: stopped (pid $pid) in $((SECONDS - began))s"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    if port_answers "$PORT"; then
      echo "kafka-local: running (pid $pid), bootstrap servers $HOST:$PORT"
    else
      echo "kafka-local: process $pid alive but $HOST:$PORT not answering yet"
    fi
  else
    echo "kafka-local: not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
