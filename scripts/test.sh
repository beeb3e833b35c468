#!/usr/bin/env bash
# Sets up the machine, builds Flowgen and runs every test project, one after another.
# After a run, the last line of output is "tests: N passed, N failed, N skipped" (totals over
# all projects); the exit status is non-zero when a test failed, a project did not run, or no
# test ran.
#
# Usage: sudo scripts/test.sh [--no-setup] [--no-build] [--filter EXPR]
#   --no-setup     skip scripts/setup.sh (CI runs it first)
#   --no-build     skip restore and build; test what was built last
#   --filter EXPR  passed to `dotnet test --filter`, e.g. FullyQualifiedName~Packets
# TRX files go to artifacts/test-results/. FLOWGEN_REQUIRE_KERNEL defaults to 1 here, so a
# kernel test fails instead of skipping when it can't run.
set -euo pipefail

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

setup=1
build=1
filter=()
while (($# > 0)); do
    case "$1" in
        --no-setup) setup=0 ;;
        --no-build) build=0 ;;
        --filter)
            (($# >= 2)) || { usage >&2; exit 2; }
            filter=(--filter "$2")
            shift
            ;;
        -h | --help) usage; exit 0 ;;
        *) printf 'test.sh: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export LC_ALL=C
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export FLOWGEN_REQUIRE_KERNEL="${FLOWGEN_REQUIRE_KERNEL:-1}"
results="$root/artifacts/test-results"

if ((setup)); then
    bash scripts/setup.sh
fi
if ! command -v dotnet >/dev/null; then
    echo "test.sh: dotnet not found: install the .NET 10 SDK (https://dot.net)" >&2
    exit 1
fi

projects=()
for csproj in tests/*/*.csproj; do
    [[ "$(basename "$csproj")" == *.Tests.*.csproj ]] && projects+=("$csproj")
done
((${#projects[@]} > 0)) || { echo "test.sh: no test projects under tests/" >&2; exit 1; }

build_ok=1
if ((build)); then
    echo "== restore and build (Release)"
    if ! { dotnet restore Flowgen.sln && dotnet build Flowgen.sln -c Release --no-restore; }; then
        build_ok=0
    fi
fi

leftovers="$(ip netns list 2>/dev/null | awk '$1 ~ /^fgt/ { printf " %s", $1 }' || true)"
if [[ -n "$leftovers" ]]; then
    echo "note: test namespaces from earlier runs (the test bed sweeps dead runs' ones):$leftovers"
fi

rm -rf "$results"
mkdir -p "$results"

# One attribute of a TRX file's <Counters .../> element (which may span lines); 0 when absent.
counter() {
    local value
    value="$(tr '\n' ' ' <"$2" | grep -o '<Counters [^>]*>' | head -n 1 |
        sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p")"
    printf '%s\n' "${value:-0}"
}

total_passed=0 total_failed=0 total_skipped=0 total_executed=0
summary=()
problems=()
for csproj in "${projects[@]}"; do
    name="$(basename "$csproj" .csproj)"
    trx="$results/$name.trx"
    if ((!build_ok)); then
        summary+=("$name: not run (build failed)")
        problems+=("$name: not run because the build failed")
        total_failed=$((total_failed + 1))
        continue
    fi

    echo "== $name"
    start=$SECONDS
    rc=0
    # The hang timeout names a stuck test and ends that run; the outer timeout is a backstop.
    timeout --kill-after=30s 30m \
        dotnet test "$csproj" -c Release --no-build "${filter[@]}" \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        --blame-hang-timeout 10m --blame-hang-dump-type none </dev/null || rc=$?
    echo "== $name: exit $rc after $((SECONDS - start))s"

    if [[ ! -s "$trx" ]] || ! grep -q '<Counters ' "$trx"; then
        summary+=("$name: no results (exit $rc)")
        if ((rc == 124 || rc == 137)); then
            problems+=("$name: timed out after 30 minutes and was killed")
        else
            problems+=("$name: produced no TRX file (exit $rc): it crashed or did not build")
        fi
        total_failed=$((total_failed + 1))
        continue
    fi

    passed="$(counter passed "$trx")"
    executed="$(counter executed "$trx")"
    # VSTest counts xunit's skipped tests in total but not in executed, leaving notExecuted at 0.
    skipped=$(($(counter total "$trx") - executed))
    notexecuted="$(counter notExecuted "$trx")"
    ((notexecuted <= skipped)) || skipped=$notexecuted
    failed=0
    for attr in failed error timeout aborted; do
        failed=$((failed + $(counter "$attr" "$trx")))
    done
    # A crashed or hung test host ends the run without a failed result for the test it was in.
    if grep -q 'The active test run was aborted' "$trx"; then
        problems+=("$name: the test run was aborted (crash, or a test hung: see the log above)")
        failed=$((failed + 1))
    elif ((rc != 0 && failed == 0)); then
        problems+=("$name: dotnet test exited $rc with no failed test in its TRX")
        failed=1
    fi
    summary+=("$name: $passed passed, $failed failed, $skipped skipped")
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    total_executed=$((total_executed + executed))
done

echo
if ((total_executed == 0)); then
    problems+=("no test was executed")
fi
for line in "${problems[@]}"; do
    echo "problem: $line"
done
echo "results: $results"
printf '%s\n' "${summary[@]}"
echo "tests: $total_passed passed, $total_failed failed, $total_skipped skipped"
((total_failed == 0 && total_executed > 0))
