# Sourced by .ci/run: compose.yaml, unmodified, brought up with podman-compose
# (Debian's 1.0.3) under its own project name, the contract's journeys run
# through its load balancer, then everything it made is removed.
#
# podman-compose 1.0.3 ignores depends_on conditions and returns 0 when a
# container fails, so the stack comes up in the order the conditions say,
# each stage checked here: Postgres and Redis healthy, the migration exited 0,
# then the rest. It ignores the top-level name (hence -p). The teardown goes by
# the project's label rather than `down`, which leaves the network and the
# containers' anonymous volumes behind.

COMPOSE_PROJECT=storefront-ci
COMPOSE_FILES=(-f "$ROOT/compose.yaml" -f "$ROOT/.ci/containers/compose.ci.yaml")
COMPOSE_ADMIN_EMAIL=ci-admin@example.com
COMPOSE_ADMIN_PASSWORD=Ci-Admin#Passw0rd
COMPOSE_LOG=$ARTIFACTS/compose.log

compose() {
  JWT_SECRET=$COMPOSE_JWT_SECRET ADMIN_EMAIL=$COMPOSE_ADMIN_EMAIL ADMIN_PASSWORD=$COMPOSE_ADMIN_PASSWORD \
    STOREFRONT_PORT=$COMPOSE_PORT podman-compose -p "$COMPOSE_PROJECT" "${COMPOSE_FILES[@]}" "$@" >>"$COMPOSE_LOG" 2>&1
}
container_of() { echo "${COMPOSE_PROJECT}_$1_1"; } # podman-compose's container name for a service

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The two images compose.yaml builds: the storefront image (built by the image
# step already; layers are reused) and PgBouncer's, as `docker compose build` would.
compose_build() {
  image_build &&
    podman build --format docker --network host --pull=never -q -t storefront-pgbouncer "$ROOT/deploy/pgbouncer" >/dev/null
}

wait_healthy() { # $1 = service
  local started=$SECONDS
  until podman healthcheck run "$(container_of "$1")" >/dev/null 2>&1; do
    [ $((SECONDS - started)) -ge 60 ] && { echo "$1 not healthy after 60 s"; podman logs --tail 20 "$(container_of "$1")"; return 1; }
    sleep 1
  done
}

api_ready() { # $1 = service: its /readyz, asked inside the container (only the load balancer is published)
  podman exec "$(container_of "$1")" node -e \
    "fetch('http://127.0.0.1:3000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" 2>/dev/null
}

compose_up() {
  COMPOSE_JWT_SECRET=$(openssl rand -base64 48)
  COMPOSE_PORT=$(free_port)
  : >"$COMPOSE_LOG"
  compose_down # what a cancelled run may have left
  local service started=$SECONDS code
  compose up -d postgres redis || return 1
  wait_healthy postgres && wait_healthy redis || return 1
  compose up -d pgbouncer migrate || return 1
  code=$(podman wait "$(container_of migrate)")
  [ "$code" = 0 ] || { echo "migrate exited $code"; podman logs --tail 20 "$(container_of migrate)"; return 1; }
  compose up -d || return 1
  for service in api-1 api-2 api-3; do
    until api_ready "$service"; do
      [ $((SECONDS - started)) -ge 120 ] && { echo "$service not ready"; podman logs --tail 20 "$(container_of "$service")"; return 1; }
      sleep 1
    done
  done
  # Up once two checks in a row pass (rise 2, every 0.5 s).
  sleep 2
  if ! curl -fsS --retry 5 --retry-delay 1 --retry-all-errors "http://127.0.0.1:$COMPOSE_PORT/api/v1/health" >/dev/null; then
    echo "the load balancer does not answer"
    podman logs --tail 10 "$(container_of lb)"
    return 1
  fi
  echo "stack up in $((SECONDS - started)) s, load balancer on 127.0.0.1:$COMPOSE_PORT"
  podman ps --filter "label=io.podman.compose.project=$COMPOSE_PROJECT" --format '{{.Names}} {{.Status}}'
}

compose_journeys() {
  ADMIN_EMAIL=$COMPOSE_ADMIN_EMAIL ADMIN_PASSWORD=$COMPOSE_ADMIN_PASSWORD "${PNPM[@]}" journeys -- \
    --server "http://127.0.0.1:$COMPOSE_PORT/api/v1" -J "$ARTIFACTS/journeys-compose.json"
}

# Every API instance served part of the journeys (the load balancer spreads them).
compose_spread() {
  local service count rc=0
  for service in api-1 api-2 api-3; do
    count=$(podman logs "$(container_of "$service")" 2>/dev/null | grep -c '"operationId"')
    echo "$service answered $count API requests"
    [ "$count" -gt 0 ] || rc=1
  done
  return $rc
}

# A container that exited and was restarted (restart: unless-stopped) hides a
# crash from every other check: the stack recovers, the defect stays.
compose_no_restarts() {
  local name count rc=0
  for name in $(podman ps -a --filter "label=io.podman.compose.project=$COMPOSE_PROJECT" --format '{{.Names}}'); do
    count=$(podman inspect --format '{{.RestartCount}}' "$name")
    if [ "$count" != 0 ]; then
      echo "$name was restarted $count time(s); what it said besides info lines:"
      podman logs "$name" 2>&1 | grep -v '"level":30' | head -15
      rc=1
    fi
  done
  return $rc
}

# A rolling deploy as compose or an orchestrator does it: each API instance in
# turn gets SIGTERM (its /readyz turns 503, HAProxy takes it out of rotation,
# it drains and exits 0) and is started again, while six clients keep reading
# the catalogue through the load balancer. Not one request may fail.
compose_rolling_restart() {
  local url="http://127.0.0.1:$COMPOSE_PORT/api/v1/products?limit=5" running pids=() i service name code started
  running=$(mktemp)
  for i in 1 2 3 4 5 6; do
    (while [ -f "$running" ]; do curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 "$url"; done >"$ARTIFACTS/compose-rolling-$i.txt") &
    pids+=($!)
  done
  sleep 2
  for service in api-1 api-2 api-3; do
    name=$(container_of "$service")
    started=$SECONDS
    podman stop -t 20 "$name" >/dev/null 2>>"$COMPOSE_LOG"
    code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
    echo "$service stopped in $((SECONDS - started)) s, exit code $code"
    [ "$code" = 0 ] || break
    podman start "$name" >/dev/null 2>>"$COMPOSE_LOG"
    until api_ready "$service"; do [ $((SECONDS - started)) -ge 90 ] && break; sleep 0.5; done
    sleep 2 # back in rotation after two passing checks
  done
  rm -f "$running"
  wait "${pids[@]}"
  local total failed
  total=$(cat "$ARTIFACTS"/compose-rolling-*.txt | wc -l)
  failed=$(grep -vc '^200$' "$ARTIFACTS"/compose-rolling-*.txt | awk -F: '{ n += $2 } END { print n }')
  echo "$total requests during the rolling restart, $failed not answered 200"
  grep -vh '^200$' "$ARTIFACTS"/compose-rolling-*.txt | sort | uniq -c
  [ "$code" = 0 ] && [ "$total" -gt 0 ] && [ "$failed" = 0 ]
}

# SIGTERM to the storefront containers, as a rolling deploy sends it: each
# drains and exits 0 within compose.yaml's stop_grace_period (20 s).
compose_stop() {
  local names=() service code rc=0 started=$SECONDS
  for service in api-1 api-2 api-3 worker-1 worker-2; do names+=("$(container_of "$service")"); done
  # podman's complaints that no systemd runs the healthcheck timers go to the compose log.
  podman stop -t 20 "${names[@]}" >/dev/null 2>>"$COMPOSE_LOG" || return 1
  for service in "${names[@]}"; do
    code=$(podman inspect --format '{{.State.ExitCode}}' "$service")
    [ "$code" = 0 ] || { echo "$service exited $code"; rc=1; }
  done
  echo "API instances and workers stopped in $((SECONDS - started)) s"
  return $rc
}

# Containers (with their anonymous volumes), named volumes and the network of
# this project, whatever state they are in; the containers' logs are kept first.
compose_down() {
  local label=io.podman.compose.project=$COMPOSE_PROJECT name
  for name in $(podman ps -a --filter "label=$label" --format '{{.Names}}'); do
    podman logs "$name" >"$ARTIFACTS/compose-${name#"${COMPOSE_PROJECT}"_}.log" 2>&1
  done
  podman ps -a -q --filter "label=$label" | xargs -r podman rm -f -v >/dev/null 2>>"$COMPOSE_LOG"
  podman volume ls -q --filter "label=$label" | xargs -r podman volume rm -f >/dev/null
  if podman network exists "${COMPOSE_PROJECT}_default"; then podman network rm -f "${COMPOSE_PROJECT}_default" >/dev/null; fi
  [ -z "$(podman ps -a -q --filter "label=$label")" ] && [ -z "$(podman volume ls -q --filter "label=$label")" ] &&
    ! podman network exists "${COMPOSE_PROJECT}_default"
}

compose_checks() {
  check "compose: images build (storefront, PgBouncer)" compose_build
  check "compose: stack up (Postgres, Redis, PgBouncer, migrate, 3 API, 2 workers, HAProxy)" compose_up
  check "compose: journeys through the load balancer" compose_journeys
  check "compose: every API instance served requests" compose_spread
  check "compose: no container crashed and was restarted" compose_no_restarts
  check "compose: a rolling restart of the API instances under load fails no request" compose_rolling_restart
  check "compose: API instances and workers exit 0 on SIGTERM" compose_stop
  check "compose: stack removed (containers, volumes, network)" compose_down
}
