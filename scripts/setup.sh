#!/usr/bin/env bash
# Installs the system packages the tests need: Debian's chromium (the HTML report's browser tests,
# driven by playwright-core, which downloads no browser) and cmark-gfm (the renderer GitHub's
# markdown is built on; the comment and summary tests render with it). Go and Node come first.
set -euo pipefail

# Go modules the fixtures build against (go-chi for the service fixtures, cespare/xxhash for the
# end-to-end runs on a real module), fetched once from the Go module proxy into the module cache,
# so the tests themselves read them from there.
if command -v go >/dev/null 2>&1; then
  echo "setup: downloading the Go modules the fixtures use"
  for m in fixtures/go/chiservice fixtures/go/mapkinds; do
    (cd "$m" && GOFLAGS="${GOFLAGS:-} -mod=mod" go mod download)
  done
  scratch=$(mktemp -d)
  (cd "$scratch" && go mod download github.com/cespare/xxhash/v2@v2.3.0)
  rmdir "$scratch"
fi

need=()
command -v go >/dev/null 2>&1 || { echo "setup: Go is required (the tests compare against go tool pprof and run go test): https://go.dev/doc/install" >&2; exit 1; }
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v cmark-gfm >/dev/null 2>&1 || need+=(cmark-gfm)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: chromium and cmark-gfm are installed"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      echo "setup: run as root to install ${need[*]} with apt-get" >&2
      exit 1
    fi
  fi
  echo "setup: installing ${need[*]} with apt-get"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  echo "setup: installed ${need[*]}"
  exit 0
fi

cat >&2 <<MSG
setup: missing ${need[*]}, and this machine has no apt-get. Install them with your package manager:
  chromium   - the browser at /usr/bin/chromium (the browser tests launch it; no download)
  cmark-gfm  - GitHub's markdown renderer (e.g. brew install cmark-gfm)
MSG
exit 1
