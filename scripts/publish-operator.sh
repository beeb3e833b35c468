#!/usr/bin/env bash
# Publishes the operator (the `flowgen-operator` executable) into OUTDIR: Release,
# framework-dependent on the ASP.NET Core 10 runtime, portable (see scripts/publish-agent.sh).
# Dockerfile.operator runs this; so does the Packaging test.
# Usage: scripts/publish-operator.sh OUTDIR
set -euo pipefail

die() {
    printf 'publish-operator: error: %s\n' "$*" >&2
    exit 1
}

(($# == 1)) || die "usage: $0 OUTDIR"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"
project="$root/operator/Flowgen.Operator.csproj"

command -v dotnet >/dev/null || die "dotnet not found: install the .NET 10 SDK (https://dot.net)"
[[ -f "$project" ]] || die "$project not found"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$out"
out="$(cd "$out" && pwd)"
# A private artifacts directory leaves the repo's bin/ and obj/ (and concurrent builds) alone.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$project" -c Release --artifacts-path "$work" -o "$out" -p:UseAppHost=true ||
    die "dotnet publish failed for $project"

for file in flowgen-operator flowgen-operator.dll flowgen-operator.runtimeconfig.json; do
    [[ -f "$out/$file" ]] || die "publish did not produce $out/$file"
done
printf 'publish-operator: produced in %s:\n' "$out"
ls -l "$out"
