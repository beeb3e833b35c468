#!/usr/bin/env bash
# Writes the Helm chart (charts/flowgen) and the kustomize tree (config/) from their one source,
# deploy/Flowgen.Manifests, plus the repository's CRD types, dashboard, alert rules and samples.
# Run it after changing any of those; a test fails when the committed files drift.
#
# Usage: scripts/generate-manifests.sh [check]
#   check   only compare; exit 1 and name the files that differ
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-write}"
dotnet run --project "$root/deploy/Flowgen.Manifests" -v quiet -- "$command" "$root"
