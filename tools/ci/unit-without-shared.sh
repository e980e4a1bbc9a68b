#!/usr/bin/env bash
# The unit tier on a fresh clone of HEAD in an empty temporary directory, so there is no ../shared beside it and no
# WIRESTREAM_SHARED_DIR / WIRESTREAM_DATASETS_DIR: a test that needs a file outside the repository fails here.
#
# node_modules is not reinstalled: a clone of HEAD has the same package-lock.json as the checkout that CI just
# installed, so the clone links each installed package from the checkout (seconds, no network) instead of `npm ci`
# (minutes, network). The workspace packages (@wirestream/*) are linked to the clone's own libs, never the checkout's,
# or the clone would test the checkout's code. When the lock files differ, it falls back to `npm ci`.
set -euo pipefail

checkout="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
clone="$work/wirestream"
started=$SECONDS

git clone --quiet --local --no-checkout "$checkout" "$clone"
git -C "$clone" checkout --quiet --detach "$(git -C "$checkout" rev-parse HEAD)"
if [ -e "$work/shared" ]; then echo "unit-without-shared: $work/shared exists; the run would not prove anything" >&2; exit 1; fi

if [ -d "$checkout/node_modules" ] && cmp -s "$checkout/package-lock.json" "$clone/package-lock.json"; then
  mkdir "$clone/node_modules" "$clone/node_modules/@wirestream"
  shopt -s nullglob dotglob
  for entry in "$checkout"/node_modules/*; do
    [ "$(basename "$entry")" = "@wirestream" ] || ln -s "$entry" "$clone/node_modules/"
  done
  for lib in "$clone"/libs/*/package.json; do
    name="$(basename "$(dirname "$lib")")"
    ln -s "../../libs/$name" "$clone/node_modules/@wirestream/$name"
  done
else
  echo "unit-without-shared: package-lock.json differs from the checkout's install; running npm ci in the clone" >&2
  (cd "$clone" && npm ci --no-audit --no-fund)
fi

echo "unit-without-shared: unit tier on $(git -C "$clone" rev-parse --short HEAD) in $clone (no ../shared)"
(cd "$clone" && env -u WIRESTREAM_SHARED_DIR -u WIRESTREAM_DATASETS_DIR npm test)
echo "unit-without-shared: passed in $((SECONDS - started)) s"
