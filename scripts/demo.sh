#!/usr/bin/env bash
# Sets the machine up, builds flowgen and runs `flowgen demo` (two test hosts it creates and
# removes). Extra arguments go to the demo, e.g. `sudo scripts/demo.sh --duration 10s -t 2`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh >/dev/null
dotnet build agent/Flowgen.Agent.csproj -c Release -nologo -v quiet -o artifacts/flowgen >/dev/null
exec dotnet artifacts/flowgen/flowgen.dll demo "$@"
