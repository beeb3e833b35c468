#!/usr/bin/env bash
# Publishes a Flowgen executable into OUTDIR: Release, framework-dependent on the ASP.NET Core 10
# runtime, portable (no runtime identifier, so restore needs no RID-specific packs; the apphost is
# built for the machine that publishes).
#   agent     the `flowgen` executable, with the BPF objects compiled by clang-14 and embedded
#   operator  the `flowgen-operator` executable
# Dockerfile.agent and Dockerfile.operator run this; so does the Packaging test.
# Usage: scripts/publish.sh agent|operator OUTDIR
set -euo pipefail

die() {
    printf 'publish: error: %s\n' "$*" >&2
    exit 1
}

(($# == 2)) || die "usage: $0 agent|operator OUTDIR"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$2"
case "$1" in
    agent)
        project="$root/agent/Flowgen.Agent.csproj"
        name=flowgen
        command -v clang-14 >/dev/null || die "clang-14 not found: it compiles bpf/*.bpf.c (scripts/setup.sh installs it)"
        [[ -f /usr/include/bpf/bpf_helpers.h ]] || die "libbpf-dev headers missing (/usr/include/bpf/bpf_helpers.h)"
        ;;
    operator)
        project="$root/operator/Flowgen.Operator.csproj"
        name=flowgen-operator
        ;;
    *) die "unknown component '$1': agent or operator" ;;
esac
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

for file in "$name" "$name.dll" "$name.runtimeconfig.json"; do
    [[ -f "$out/$file" ]] || die "publish did not produce $out/$file"
done
printf 'publish: %s produced in %s:\n' "$1" "$out"
ls -l "$out"
