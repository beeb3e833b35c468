#!/usr/bin/env bash
# The cost of each flowgen udp feature against plain static UDP, side by side in one run: a rate
# above what the engine can reach (pacing runs, never holds), -s imix, 1024 random flows,
# --stamp, --latency with `flowgen reflect` at the far end, on 1 and 2 threads. Mpps and Gbit/s
# (wire bytes, FCS included) are counted at the far end; each case runs BENCH_SECONDS,
# interleaved over BENCH_ROUNDS rounds; median and range are kept, with the load average.
# BENCH_BASELINE=DIR (a build output holding flowgen.dll, e.g. of an older commit) runs the
# random-flows and --stamp cases on that build too, each right after this one's, to compare the
# per-frame work of two versions; BENCH_ONLY=REGEX keeps the cases whose name matches.
# Needs root. Traffic stays on veth pairs between two namespaces this script creates.
set -euo pipefail

seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-5}
source "$(dirname "$0")/lib.sh"
baseline=()
[ -n "${BENCH_BASELINE:-}" ] && baseline=(dotnet "$BENCH_BASELINE/flowgen.dll")

pair mq "$(nproc)" 198.18.0          # flowgen sink: XDP count and drop
pair rf "$(nproc)" 198.18.2 reflect  # flowgen reflect: probes go back to the generator

last() { grep -o "\"$2\":[0-9]*" "$out/$1.log" | tail -n 1 | cut -d: -f2; }
counted() { if [ "$1" = rf ]; then last rf reflected; else last "$1" packets; fi; }

# settle: wait until the far end's count stops moving (frames in flight have landed)
settled() {
  local before now
  before=$(counted "$1")
  while sleep 0.4; now=$(counted "$1"); [ "$now" != "$before" ]; do before=$now; done
  echo "$now"
}

# run_case NAME PAIR WIRE-SIZE BUILD [flowgen udp arguments]: WIRE-SIZE gives the bytes of a
# reflected frame (the reflector counts no bytes); the sink counts its own. BUILD: new or base.
run_case() {
  local name=$1 pair=$2 size=$3 build=$4
  shift 4
  local subnet=198.18.0 frames0 bytes0 frames1 bytes1 secs paced rtt=""
  local -a bin=("${flowgen[@]}")
  [ "$build" = base ] && bin=("${baseline[@]}")
  [ "$pair" = rf ] && subnet=198.18.2
  frames0=$(settled "$pair")
  bytes0=$([ "$pair" = rf ] && echo 0 || last "$pair" wireBytes)
  ip netns exec "$gen" "${bin[@]}" udp "$@" -a "$subnet.2" --duration "${seconds}s" --json "$pair-g" >"$out/case.log"
  frames1=$(settled "$pair")
  bytes1=$([ "$pair" = rf ] && echo $(((frames1 - frames0) * size)) || last "$pair" wireBytes)
  secs=$(grep '"summary"' "$out/case.log" | grep -o '"seconds":[0-9.]*' | cut -d: -f2)
  paced=$(grep '"summary"' "$out/case.log" | grep -o '"paced":[0-9]*' | cut -d: -f2)
  if grep -q '"latency"' "$out/case.log"; then
    rtt=$(grep '"summary"' "$out/case.log" | grep -o '"latency":{[^}]*}' |
      awk -F'[:,}]' '{ for (i = 1; i < NF; i++) v[$i] = $(i + 1) } END {
        printf "p50 %.1f / p99 %.1f / max %.1f us", v["\"p50Us\""], v["\"p99Us\""], v["\"maxUs\""] }')
  fi
  awk -v n="$name" -v f="$((frames1 - frames0))" -v b="$((bytes1 - bytes0))" -v s="$secs" -v p="${paced:-0}" -v r="$rtt" 'BEGIN {
    printf "%s|%.3f|%.3f|%s|%s\n", n, f / s / 1e6, b * 8 / s / 1e9, p, r }' >>"$out/results"
  tail -n 1 "$out/results" | awk -F'|' '{ printf "  %-44s %6.2f Mpps %6.2f Gbit/s%s%s\n", $1, $2, $3,
    ($4 > 0 ? "  paced " $4 : ""), ($5 != "" ? "  rtt " $5 : "") }'
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

cases=(
  "static 64 B, 1 thread|mq|64|new"
  "static 64 B, --rate 1G (above the maximum)|mq|64|new|-r 1G"
  "imix, 1 thread|mq|0|new|-s imix"
  "1024 random flows 64 B, 1 thread|mq|64|new|-p 10000-11023 --flow-order random"
  "static 86 B, 1 thread|mq|86|new|-s 86"
  "--stamp 86 B, 1 thread|mq|86|new|-s 86 --stamp"
  "--latency 86 B + reflect, 1 thread|rf|86|new|-s 86 --latency"
  "static 64 B, 2 threads|mq|64|new|-t 2"
  "imix, 2 threads|mq|0|new|-t 2 -s imix"
  "--stamp 86 B, 2 threads|mq|86|new|-t 2 -s 86 --stamp"
)
# The baseline runs each rewriting case right after this build does.
if ((${#baseline[@]})); then
  all=()
  for c in "${cases[@]}"; do
    all+=("$c")
    case "$c" in "1024 random flows"* | "--stamp 86 B, 1 thread|"*) all+=("baseline: ${c/|new|/|base|}") ;; esac
  done
  cases=("${all[@]}")
fi
# BENCH_ONLY=REGEX keeps the cases whose name matches.
if [ -n "${BENCH_ONLY:-}" ]; then
  all=()
  for c in "${cases[@]}"; do [[ "${c%%|*}" =~ $BENCH_ONLY ]] && all+=("$c"); done
  cases=("${all[@]}")
fi

echo "machine: $(nproc) vCPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), Linux $(uname -r), $(date -u +%F)"
echo "each case ${seconds}s, ${rounds} rounds interleaved; mq: veth with $(nproc) receive queues; far end: flowgen sink (XDP count + drop) or flowgen reflect"
echo "load average at start: $(load)"
for round in $(seq 1 "$rounds"); do
  echo "round $round (load $(load))"
  for c in "${cases[@]}"; do
    IFS='|' read -r name pair size build args <<<"$c"
    # shellcheck disable=SC2086 # args is a word list
    run_case "$name" "$pair" "$size" "$build" $args
  done
done
echo "load average at end: $(load)"

echo
echo "median (min-max) of $rounds rounds:"
printf "  %-44s %22s %22s  %s\n" case Mpps Gbit/s "rtt (median round)"
for c in "${cases[@]}"; do
  name=${c%%|*}
  awk -F'|' -v n="$name" '$1 == n' "$out/results" | sort -t'|' -k2,2n | awk -F'|' -v n="$name" '
    { mpps[NR] = $2; gbps[NR] = $3; rtt[NR] = $5 }
    END { m = int((NR + 1) / 2); lo = 1e9; hi = 0; glo = 1e9; ghi = 0
      for (i = 1; i <= NR; i++) { if (mpps[i] < lo) lo = mpps[i]; if (mpps[i] > hi) hi = mpps[i]
        if (gbps[i] < glo) glo = gbps[i]; if (gbps[i] > ghi) ghi = gbps[i] }
      printf "  %-44s %6.2f (%5.2f-%5.2f) %6.2f (%5.2f-%5.2f)  %s\n", n, mpps[m], lo, hi, gbps[m], glo, ghi, rtt[m] }'
done
