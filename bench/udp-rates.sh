#!/usr/bin/env bash
# Mpps counted at the sink, side by side in one run: the method's ceiling (a program that only
# redirects, 2^22 frames per call, no counting) beside flowgen udp on 1 and 2 threads and with
# -d 100. Each case runs BENCH_SECONDS, interleaved over BENCH_ROUNDS rounds; the median is kept.
# Needs root. Traffic stays on a veth pair between two namespaces this script creates.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
out=$(mktemp -d /tmp/flowgen-bench.XXXXXX)
ns=fgbench-$$
gen=$ns-gen
sink=$ns-sink
sink_pid=

cleanup() {
  # SIGTERM: a background job of a script ignores SIGINT.
  [ -n "$sink_pid" ] && kill -TERM "$sink_pid" 2>/dev/null && wait "$sink_pid" 2>/dev/null || true
  ip netns delete "$gen" 2>/dev/null || true
  ip netns delete "$sink" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || { echo "bench: needs root" >&2; exit 3; }
dotnet build "$root/agent/Flowgen.Agent.csproj" -c Release -o "$out/bin" -v quiet -nologo >/dev/null
flowgen=(dotnet "$out/bin/flowgen.dll")

ip netns add "$gen"
ip netns add "$sink"
ip -n "$gen" link add veth-gen type veth peer name veth-sink netns "$sink"
ip -n "$gen" addr add 198.18.0.1/24 dev veth-gen
ip -n "$sink" addr add 198.18.0.2/24 dev veth-sink
for n in "$gen" "$sink"; do ip -n "$n" link set lo up; done
ip -n "$gen" link set veth-gen up
ip -n "$sink" link set veth-sink up

ip netns exec "$sink" "${flowgen[@]}" sink veth-sink --json -I 0.1 >"$out/sink.log" &
sink_pid=$!
until grep -q '"attached"' "$out/sink.log"; do sleep 0.1; done

sink_total() { grep -o '"packets":[0-9]*' "$out/sink.log" | tail -n 1 | cut -d: -f2; }

# settle: wait until the sink's count stops moving (frames in flight have landed)
settled_total() {
  local last now
  last=$(sink_total)
  while sleep 0.4; now=$(sink_total); [ "$now" != "$last" ]; do last=$now; done
  echo "$now"
}

run_case() { # name, then flowgen arguments
  local name=$1; shift
  local before after secs
  before=$(settled_total)
  ip netns exec "$gen" "${flowgen[@]}" "$@" veth-gen -a 198.18.0.2 --duration "${seconds}s" --json >"$out/case.log"
  after=$(settled_total)
  secs=$(grep -o '"seconds":[0-9.]*' "$out/case.log" | cut -d: -f2)
  awk -v n="$name" -v d="$((after - before))" -v s="$secs" 'BEGIN { printf "%s %.3f\n", n, d / s / 1e6 }' >>"$out/results"
  awk -v n="$name" -v d="$((after - before))" -v s="$secs" 'BEGIN { printf "  %-26s %6.2f Mpps at the sink\n", n, d / s / 1e6 }'
}

echo "machine: $(nproc) vCPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), Linux $(uname -r)"
echo "each case ${seconds}s, ${rounds} rounds, 64-byte frames, veth pair, sink = flowgen sink (XDP count + drop)"
cases=("ceiling (bare redirect)" "udp, 1 thread" "udp, 2 threads" "udp -d 100, 1 thread" "udp, 1 thread, batch 256")
for round in $(seq 1 "$rounds"); do
  echo "round $round"
  run_case "${cases[0]}" bench-ceiling
  run_case "${cases[1]}" udp
  run_case "${cases[2]}" udp -t 2
  run_case "${cases[3]}" udp -d 100
  run_case "${cases[4]}" udp --batch-size 256
done

median_of() { # case name -> median Mpps
  grep -F "$1 " "$out/results" | awk '{print $NF}' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo
echo "median of $rounds rounds:"
for name in "${cases[@]}"; do
  printf "  %-26s %6.2f Mpps\n" "$name" "$(median_of "$name")"
done
awk -v c="$(median_of "${cases[0]}")" -v o="$(median_of "${cases[1]}")" -v d="$(median_of "${cases[3]}")" 'BEGIN {
  printf "udp 1 thread / ceiling: %.3f; -d 100 / static: %.3f\n", o / c, d / o }'
