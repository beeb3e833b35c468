#!/usr/bin/env bash
# Publishes the agent (the `flowgen` executable, with the BPF objects compiled by clang-14 and
# embedded) into OUTDIR: Release, framework-dependent on the ASP.NET Core 10 runtime, portable
# (no runtime identifier, so restore needs no RID-specific packs; the apphost `flowgen` is built
# for the machine that publishes). Dockerfile.agent runs this; so does the Packaging test.
# Usage: scripts/publish-agent.sh OUTDIR
set -euo pipefail

die() {
    printf 'publish-agent: error: %s\n' "$*" >&2
    exit 1
}

(($# == 1)) || die "usage: $0 OUTDIR"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"
project="$root/agent/Flowgen.Agent.csproj"

command -v dotnet >/dev/null || die "dotnet not found: install the .NET 10 SDK (https://dot.net)"
command -v clang-14 >/dev/null || die "clang-14 not found: it compiles bpf/*.bpf.c (scripts/setup.sh installs it)"
[[ -f /usr/include/bpf/bpf_helpers.h ]] || die "libbpf-dev headers missing (/usr/include/bpf/bpf_helpers.h)"
[[ -f "$project" ]] || die "$project not found"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$out"
out="$(cd "$out" && pwd)"
# Build in a private artifacts directory so the repo's bin/ and obj/ (and concurrent builds) are
# left alone.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$project" -c Release --artifacts-path "$work" -o "$out" -p:UseAppHost=true ||
    die "dotnet publish failed for $project"

for file in flowgen flowgen.dll flowgen.runtimeconfig.json; do
    [[ -f "$out/$file" ]] || die "publish did not produce $out/$file"
done
printf 'publish-agent: produced in %s:\n' "$out"
ls -l "$out"
