# Sourced by the bench scripts: a scratch directory, a Release build of flowgen, and two network
# namespaces ($gen, $sink) that are removed on exit, with any background pids in bench_pids.
# Needs root.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp -d /tmp/flowgen-bench.XXXXXX)
gen=fgbench-$$-gen
sink=fgbench-$$-sink
bench_pids=()

bench_cleanup() {
  # SIGTERM: a background job of a script ignores SIGINT.
  for pid in "${bench_pids[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done || true
  ip netns delete "$gen" 2>/dev/null || true
  ip netns delete "$sink" 2>/dev/null || true
  rm -rf "$out"
}
trap bench_cleanup EXIT

[ "$(id -u)" = 0 ] || { echo "bench: needs root" >&2; exit 3; }
dotnet build "$root/agent/Flowgen.Agent.csproj" -c Release -o "$out/bin" -v quiet -nologo >/dev/null
flowgen=(dotnet "$out/bin/flowgen.dll")

ip netns add "$gen"
ip netns add "$sink"
for n in "$gen" "$sink"; do ip -n "$n" link set lo up; done

# pair PAIR QUEUES SUBNET [COMMAND...]: veth PAIR-g (generator, SUBNET.1) / PAIR-s (far end,
# SUBNET.2), QUEUES receive queues each; `flowgen COMMAND --json -I 0.1 PAIR-s` (default: sink)
# runs at the far end, its JSON lines in $out/PAIR.log.
pair() {
  local name=$1 queues=$2 subnet=$3
  shift 3
  local far=("$@")
  ((${#far[@]})) || far=(sink)
  ip -n "$gen" link add "$name-g" numtxqueues "$queues" numrxqueues "$queues" type veth \
    peer name "$name-s" numtxqueues "$queues" numrxqueues "$queues" netns "$sink"
  ip -n "$gen" addr add "$subnet.1/24" dev "$name-g"
  ip -n "$sink" addr add "$subnet.2/24" dev "$name-s"
  ip -n "$gen" link set "$name-g" up
  ip -n "$sink" link set "$name-s" up
  ip netns exec "$sink" "${flowgen[@]}" "${far[@]}" "$name-s" --json -I 0.1 >"$out/$name.log" &
  bench_pids+=("$!")
  until grep -qs '"attached"' "$out/$name.log"; do sleep 0.1; done
}
