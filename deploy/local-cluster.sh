#!/usr/bin/env bash
# Redis and three InferenceHost silos on loopback ports, as separate processes: Redis membership,
# Redis grain storage and reminders, one admin token for all. Everything it runs lives under
# .local-cluster/ (logs, pid files, Redis data, the token).
#
#   deploy/local-cluster.sh start          build once (Release), start Redis and silos 0..2, wait until ready
#   deploy/local-cluster.sh stop           stop the silos gracefully (SIGTERM; drain; SIGKILL if they hang), then Redis
#   deploy/local-cluster.sh status         what runs, and each silo's readiness
#   deploy/local-cluster.sh print-config N the environment silo N runs with (the tests check these keys)
#
# Silo N listens on HTTP 8000+10N and gRPC 8001+10N, silo port 11111+N, gateway port 30000+N.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${LOCAL_CLUSTER_DIR:-$ROOT/.local-cluster}"
REDIS_PORT="${LOCAL_CLUSTER_REDIS_PORT:-6380}"
SILO_COUNT=3
DRAIN_PERIOD="00:00:05"
STOP_TIMEOUT_S=60
READY_TIMEOUT_S=180
SILO_DLL="$ROOT/src/InferenceHost.Silo/bin/Release/net10.0/InferenceHost.Silo.dll"

http_port() { echo $((8000 + 10 * $1)); }

# The one place the silos' settings come from: start exports exactly these, print-config prints them.
silo_config() {
  local n="$1"
  cat <<EOF
InferenceHost__Endpoints__ListenAddress=127.0.0.1
InferenceHost__Endpoints__HttpPort=$(http_port "$n")
InferenceHost__Endpoints__GrpcPort=$((8001 + 10 * n))
InferenceHost__Endpoints__DrainPeriod=$DRAIN_PERIOD
InferenceHost__Cluster__Mode=Redis
InferenceHost__Cluster__RedisConnectionString=127.0.0.1:$REDIS_PORT
InferenceHost__Cluster__ClusterId=local-cluster
InferenceHost__Cluster__ServiceId=local-cluster
InferenceHost__Cluster__AdvertisedAddress=127.0.0.1
InferenceHost__Cluster__SiloPort=$((11111 + n))
InferenceHost__Cluster__GatewayPort=$((30000 + n))
InferenceHost__Storage__Mode=Redis
InferenceHost__Inference__RepositoryPath=$ROOT/models
InferenceHost__Admin__TokenFile=$RUN_DIR/admin-token
EOF
}

check_silo_index() {
  [[ "$1" =~ ^[0-9]+$ ]] && (( $1 < SILO_COUNT )) || { echo "silo index must be 0..$((SILO_COUNT - 1)), not '$1'" >&2; exit 2; }
}

running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

ready_status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(http_port "$1")/v2/health/ready" || true; }

start_redis() {
  if running "$RUN_DIR/redis.pid"; then
    echo "redis already running (pid $(cat "$RUN_DIR/redis.pid"))"
    return
  fi
  command -v redis-server >/dev/null || { echo "redis-server is not on PATH (Debian: apt-get install redis-server)" >&2; exit 1; }
  mkdir -p "$RUN_DIR/redis"
  # Append-only persistence: a whole-cluster restart finds deployments, rollouts and the audit log again.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$RUN_DIR/redis" --appendonly yes \
    --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log"
  for _ in $(seq 1 100); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && { echo "redis on 127.0.0.1:$REDIS_PORT"; return; }
    sleep 0.1
  done
  echo "redis did not answer on port $REDIS_PORT; see $RUN_DIR/redis.log" >&2
  exit 1
}

ensure_token() {
  # Written before any silo starts, so the three never race to generate different tokens.
  if [[ ! -s "$RUN_DIR/admin-token" ]]; then
    (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$RUN_DIR/admin-token")
  fi
}

start_silo() {
  local n="$1" pid_file="$RUN_DIR/silo$1.pid"
  if running "$pid_file"; then
    echo "silo $n already running (pid $(cat "$pid_file"))"
    return
  fi
  local -a settings
  mapfile -t settings < <(silo_config "$n")
  (cd "$RUN_DIR" && exec env "${settings[@]}" dotnet "$SILO_DLL" >"$RUN_DIR/silo$n.log" 2>&1) &
  echo $! >"$pid_file"
  echo "silo $n starting (pid $!, log $RUN_DIR/silo$n.log)"
}

wait_ready() {
  local n="$1" deadline=$((SECONDS + READY_TIMEOUT_S))
  until [[ "$(ready_status "$n")" == 200 ]]; do
    if ! running "$RUN_DIR/silo$n.pid"; then
      echo "silo $n exited; last lines of its log:" >&2
      tail -n 20 "$RUN_DIR/silo$n.log" >&2
      exit 1
    fi
    if (( SECONDS > deadline )); then
      echo "silo $n not ready after ${READY_TIMEOUT_S}s; see $RUN_DIR/silo$n.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "silo $n ready on http://127.0.0.1:$(http_port "$n")"
}

stop_process() {
  local name="$1" pid_file="$2"
  if ! running "$pid_file"; then
    rm -f "$pid_file"
    return
  fi
  local pid deadline=$((SECONDS + STOP_TIMEOUT_S))
  pid="$(cat "$pid_file")"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS > deadline )); then
      echo "$name (pid $pid) still running after ${STOP_TIMEOUT_S}s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$pid_file"
  echo "$name stopped"
}

cmd_start() {
  mkdir -p "$RUN_DIR"
  dotnet build "$ROOT/src/InferenceHost.Silo" -c Release -v q --nologo
  start_redis
  ensure_token
  for n in $(seq 0 $((SILO_COUNT - 1))); do start_silo "$n"; done
  for n in $(seq 0 $((SILO_COUNT - 1))); do wait_ready "$n"; done
  cat <<EOF

Three silos are up (HTTP 8000, 8010, 8020; gRPC 8001, 8011, 8021). Try:
  curl -s localhost:8010/v2/models/iris-mlp
  curl -s localhost:8020/v2/models/iris-mlp/infer -H 'Content-Type: application/json' \\
    -d '{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}'
  TOKEN=\$(cat $RUN_DIR/admin-token)
  curl -s localhost:8000/admin/v1/models -H "Authorization: Bearer \$TOKEN"
  dotnet run --project src/InferenceHost.Cli -- --url http://localhost:8010 --token-file $RUN_DIR/admin-token models
Stop with: deploy/local-cluster.sh stop
EOF
}

cmd_stop() {
  # Silos drain in parallel, as a rolling stop would not; they hand grains over to whoever is left.
  for n in $(seq 0 $((SILO_COUNT - 1))); do stop_process "silo $n" "$RUN_DIR/silo$n.pid" & done
  wait
  stop_process redis "$RUN_DIR/redis.pid"
}

cmd_status() {
  if running "$RUN_DIR/redis.pid"; then
    echo "redis   running (pid $(cat "$RUN_DIR/redis.pid"), 127.0.0.1:$REDIS_PORT)"
  else
    echo "redis   stopped"
  fi
  for n in $(seq 0 $((SILO_COUNT - 1))); do
    if running "$RUN_DIR/silo$n.pid"; then
      echo "silo $n  running (pid $(cat "$RUN_DIR/silo$n.pid"), http://127.0.0.1:$(http_port "$n"), ready: $(ready_status "$n"))"
    else
      echo "silo $n  stopped"
    fi
  done
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  print-config)
    check_silo_index "${2:-0}"
    silo_config "${2:-0}"
    ;;
  *)
    echo "usage: $0 start|stop|status|print-config [0..$((SILO_COUNT - 1))]" >&2
    exit 2
    ;;
esac
