# Sourced by .ci/run: the Dockerfile, unmodified, built and run as a user would
# (docker build / docker run), on the embedded database: it turns healthy, an
# order completes, and SIGTERM ends it with exit 0 within its grace period.

STOREFRONT_IMAGE=storefront # the name compose.yaml gives it, so the compose check reuses this build
IMAGE_CONTAINER=storefront-ci-image
IMAGE_GRACE_SECONDS=20 # compose.yaml's stop_grace_period
IMAGE_ADMIN_EMAIL=ci-admin@example.com
IMAGE_ADMIN_PASSWORD=Ci-Admin#Passw0rd

image_build() {
  local log=$ARTIFACTS/image-build.log started=$SECONDS
  # Layers from an earlier build are reused; --pull=never: the stand-ins are the bases.
  if ! podman build --format docker --network host --pull=never -t "$STOREFRONT_IMAGE" "$ROOT" >"$log" 2>&1; then
    tail -30 "$log"
    return 1
  fi
  echo "built $STOREFRONT_IMAGE in $((SECONDS - started)) s"
  # The build stage, tagged (at once, from the layers just made), keeps its layers
  # (the dependencies fetched from the lockfile) for the next run; every layer no
  # tag needs any more is removed. Images built here descend from the stand-ins,
  # whose label they carry, so nothing else on the machine is touched.
  podman build --format docker --network host --pull=never -q --target build -t storefront-ci-build-cache "$ROOT" >/dev/null &&
    podman image prune -f --filter "label=$KEY_LABEL" >/dev/null
}

image_url() { echo "http://$(podman port "$IMAGE_CONTAINER" 3000/tcp)"; }

image_start() {
  podman rm -f -v "$IMAGE_CONTAINER" >/dev/null 2>&1
  # podman's complaints that no systemd runs the healthcheck timer go to a file.
  podman run -d --name "$IMAGE_CONTAINER" -p 127.0.0.1::3000 \
    -e JWT_SECRET="$(openssl rand -base64 48)" \
    -e ADMIN_EMAIL="$IMAGE_ADMIN_EMAIL" -e ADMIN_PASSWORD="$IMAGE_ADMIN_PASSWORD" \
    "$STOREFRONT_IMAGE" >/dev/null 2>"$ARTIFACTS/image-podman.log" || { cat "$ARTIFACTS/image-podman.log"; return 1; }
}

# The image's own HEALTHCHECK (podman runs it only when asked: no systemd here), then /readyz.
image_healthy() {
  local started=$SECONDS
  until podman healthcheck run "$IMAGE_CONTAINER" >/dev/null 2>&1; do
    if [ $((SECONDS - started)) -ge 90 ]; then
      echo "not healthy on /livez after 90 s"
      podman logs --tail 30 "$IMAGE_CONTAINER"
      return 1
    fi
    sleep 1
  done
  echo "healthy (its HEALTHCHECK on /livez) after $((SECONDS - started)) s"
  curl -fsS --retry 10 --retry-delay 1 --retry-all-errors "$(image_url)/readyz" && echo
}

image_order() {
  ADMIN_EMAIL=$IMAGE_ADMIN_EMAIL ADMIN_PASSWORD=$IMAGE_ADMIN_PASSWORD npx tsx scripts/smoke-order.ts "$(image_url)/api/v1"
}

# podman stop sends the image's stop signal (SIGTERM) and SIGKILLs after the grace period.
image_stop() {
  local started=$SECONDS code elapsed
  podman stop -t "$IMAGE_GRACE_SECONDS" "$IMAGE_CONTAINER" >/dev/null 2>>"$ARTIFACTS/image-podman.log" || return 1
  elapsed=$((SECONDS - started))
  code=$(podman inspect --format '{{.State.ExitCode}}' "$IMAGE_CONTAINER")
  echo "stopped in ${elapsed} s with exit code $code"
  podman logs "$IMAGE_CONTAINER" >"$ARTIFACTS/image-run.log" 2>&1
  [ "$code" = 0 ] && [ "$elapsed" -lt "$IMAGE_GRACE_SECONDS" ]
}

image_remove() { podman rm -f -v "$IMAGE_CONTAINER" >/dev/null 2>&1 || true; }

# One check each, in order; a failed one leaves the later ones to fail naming themselves.
image_checks() {
  check "image builds from the Dockerfile, unmodified" image_build
  check "image starts (docker run)" image_start
  check "image healthy: its HEALTHCHECK on /livez, then /readyz" image_healthy
  check "image completes an order (admin from ADMIN_EMAIL, Prefer: wait)" image_order
  check "image exits 0 on SIGTERM within its grace period" image_stop
  image_remove
}
