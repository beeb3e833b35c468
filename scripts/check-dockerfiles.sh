#!/usr/bin/env bash
# Checks that every repo script a RUN line of Dockerfile.agent or Dockerfile.operator names
# (scripts/NAME) exists and is executable, and that each Dockerfile runs at least one, so the
# images build with the same steps CI runs.
# Usage: scripts/check-dockerfiles.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

failed=0
fail() {
    printf 'check-dockerfiles: error: %s\n' "$*" >&2
    failed=1
}

for dockerfile in Dockerfile.agent Dockerfile.operator; do
    if [[ ! -f "$dockerfile" ]]; then
        fail "$dockerfile not found"
        continue
    fi
    # RUN instructions with their backslash continuations joined.
    runs="$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$dockerfile" | grep -E '^[[:space:]]*RUN[[:space:]]' || true)"
    refs="$(grep -oE 'scripts/[A-Za-z0-9._/-]+' <<<"$runs" | sort -u || true)"
    if [[ -z "$refs" ]]; then
        fail "$dockerfile: no RUN line calls a repo script (scripts/...)"
        continue
    fi
    while IFS= read -r script; do
        if [[ ! -f "$script" ]]; then
            fail "$dockerfile: $script does not exist"
        elif [[ ! -x "$script" ]]; then
            fail "$dockerfile: $script is not executable"
        else
            printf 'check-dockerfiles: %s: %s ok\n' "$dockerfile" "$script"
        fi
    done <<<"$refs"
done

exit "$failed"
