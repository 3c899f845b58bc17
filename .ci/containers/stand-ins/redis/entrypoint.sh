#!/bin/sh
# As the official image: redis-server runs as redis, and protected mode is off
# (the official build compiles it off; other containers must reach the server).
set -eu
if [ "$1" = redis-server ]; then
  shift
  exec setpriv --reuid=redis --regid=redis --init-groups redis-server "$@" --protected-mode no
fi
exec "$@"
