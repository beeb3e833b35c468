#!/usr/bin/env bash
# Mpps counted at the sink, side by side in one run: the method's ceiling (a program that only
# redirects, 2^22 frames per call, no counting) beside flowgen udp on 1 and 2 threads and with
# -d 100. Each case runs BENCH_SECONDS, interleaved over BENCH_ROUNDS rounds; the median is kept.
# Needs root. Traffic stays on veth pairs between two namespaces this script creates: one with a
# receive queue per CPU (as a multi-queue NIC), one with a single queue, which several sending
# CPUs must share.
set -euo pipefail

seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
source "$(dirname "$0")/lib.sh"

pair mq "$(nproc)" 198.18.0
pair sq 1 198.18.1

sink_total() { grep -o '"packets":[0-9]*' "$out/$1.log" | tail -n 1 | cut -d: -f2; }

# settle: wait until the sink's count stops moving (frames in flight have landed)
settled_total() {
  local last now
  last=$(sink_total "$1")
  while sleep 0.4; now=$(sink_total "$1"); [ "$now" != "$last" ]; do last=$now; done
  echo "$now"
}

run_case() { # name, veth pair (mq or sq), then flowgen arguments
  local name=$1 pair=$2; shift 2
  local before after secs subnet=198.18.0
  [ "$pair" = sq ] && subnet=198.18.1
  before=$(settled_total "$pair")
  ip netns exec "$gen" "${flowgen[@]}" "$@" "$pair-g" -a "$subnet.2" --duration "${seconds}s" --json >"$out/case.log"
  after=$(settled_total "$pair")
  secs=$(grep -o '"seconds":[0-9.]*' "$out/case.log" | cut -d: -f2)
  awk -v n="$name" -v d="$((after - before))" -v s="$secs" 'BEGIN { printf "%s %.3f\n", n, d / s / 1e6 }' >>"$out/results"
  awk -v n="$name" -v d="$((after - before))" -v s="$secs" 'BEGIN { printf "  %-32s %6.2f Mpps at the sink\n", n, d / s / 1e6 }'
}

echo "machine: $(nproc) vCPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), Linux $(uname -r)"
echo "each case ${seconds}s, ${rounds} rounds, 64-byte frames, sink = flowgen sink (XDP count + drop)"
echo "mq: veth with $(nproc) receive queues; sq: veth with one receive queue"
cases=("ceiling (bare redirect), mq" "udp, 1 thread, mq" "udp, 2 threads, mq" "udp -d 100, 1 thread, mq"
  "udp, 1 thread, batch 256, mq" "udp, 2 threads, sq" "ceiling, 2 threads, mq")
for round in $(seq 1 "$rounds"); do
  echo "round $round"
  run_case "${cases[0]}" mq bench-ceiling
  run_case "${cases[1]}" mq udp
  run_case "${cases[2]}" mq udp -t 2
  run_case "${cases[3]}" mq udp -d 100
  run_case "${cases[4]}" mq udp --batch-size 256
  run_case "${cases[5]}" sq udp -t 2
  run_case "${cases[6]}" mq bench-ceiling -t 2
done

median_of() { # case name -> median Mpps
  grep -F "$1 " "$out/results" | awk '{print $NF}' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo
echo "median of $rounds rounds:"
for name in "${cases[@]}"; do
  printf "  %-32s %6.2f Mpps\n" "$name" "$(median_of "$name")"
done
awk -v c="$(median_of "${cases[0]}")" -v o="$(median_of "${cases[1]}")" -v d="$(median_of "${cases[3]}")" 'BEGIN {
  printf "udp 1 thread / ceiling: %.3f; -d 100 / static: %.3f\n", o / c, d / o }'
awk -v c="$(median_of "${cases[6]}")" -v t="$(median_of "${cases[2]}")" 'BEGIN {
  printf "udp 2 threads / ceiling 2 threads: %.3f\n", t / c }'
