#!/usr/bin/env bash
# TCP goodput at a real Linux receiver and the share of resent segments, side by side in one run:
# the kernel's own TCP (a Python sender's sendall) beside flowgen tcp over IPv4 and IPv6, on one
# veth pair between two namespaces this script creates (GRO on the receiving end, no loss). The
# receiver is the same in every case: a Python socket that reads to the end and times the first
# byte to the close. Each case sends BENCH_BYTES, interleaved over BENCH_ROUNDS rounds; the
# median is kept. Needs root; traffic stays on the veth pair (198.18.0.0/24, 2001:db8:0:1::/64).
set -euo pipefail

bytes=${BENCH_BYTES:-2000000000}
rounds=${BENCH_ROUNDS:-3}
port=5201
source "$(dirname "$0")/lib.sh"

ip -n "$gen" link add veth-gen type veth peer name veth-sink netns "$sink"
ip -n "$gen" addr add 198.18.0.1/24 dev veth-gen
ip -n "$sink" addr add 198.18.0.2/24 dev veth-sink
ip -n "$gen" addr add 2001:db8:0:1::1/64 dev veth-gen nodad
ip -n "$sink" addr add 2001:db8:0:1::2/64 dev veth-sink nodad
ip -n "$gen" link set veth-gen up
ip -n "$sink" link set veth-sink up
# Frames redirected into a veth need XDP or GRO on its peer.
ip netns exec "$sink" ethtool -K veth-sink gro on >/dev/null

receiver() { # address: reads one connection to its end, prints "bytes seconds"
  ip netns exec "$sink" python3 -c '
import socket, sys, time
addr, port = sys.argv[1], int(sys.argv[2])
listener = socket.socket(socket.AF_INET6 if ":" in addr else socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind((addr, port)); listener.listen(1)
print("listening", flush=True)
conn, _ = listener.accept()
buf = bytearray(1 << 20); total = 0; first = None
while True:
    n = conn.recv_into(buf)
    if n == 0: break
    if first is None: first = time.monotonic()
    total += n
print(total, time.monotonic() - first, flush=True)
conn.close()' "$1" "$port" >"$out/receiver.log" &
  until grep -q listening "$out/receiver.log" 2>/dev/null; do sleep 0.05; done
}

kernel_sender() { # address
  ip netns exec "$gen" python3 -c '
import socket, sys
addr, port, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
s = socket.create_connection((addr, port))
chunk = memoryview(bytearray(1 << 20)); left = total
while left > 0:
    n = min(left, len(chunk)); s.sendall(chunk[:n]); left -= n
s.close()' "$1" "$port" "$bytes"
}

run_case() { # name, address, kernel|flowgen
  local name=$1 addr=$2 kind=$3 resent="-"
  receiver "$addr"
  if [ "$kind" = kernel ]; then
    kernel_sender "$addr"
  else
    ip netns exec "$gen" "${flowgen[@]}" tcp -i veth-gen --bytes "$bytes" --json "$addr" >"$out/case.log"
    resent=$(grep '"event":"summary"' "$out/case.log" | grep -o '"resentShare":[0-9.eE+-]*' | cut -d: -f2)
  fi
  wait
  read -r got secs < <(tail -n 1 "$out/receiver.log")
  awk -v n="$name" -v b="$got" -v s="$secs" -v r="$resent" 'BEGIN { printf "%s|%.2f|%s\n", n, b * 8 / s / 1e9, r }' >>"$out/results"
  awk -v n="$name" -v b="$got" -v s="$secs" -v r="$resent" \
    'BEGIN { printf "  %-28s %6.2f Gbit/s at the receiver (%d bytes)%s\n", n, b * 8 / s / 1e9, b, r == "-" ? "" : sprintf(", resent %.3f%%", r * 100) }'
}

echo "machine: $(nproc) vCPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), Linux $(uname -r)"
echo "each case $bytes bytes, $rounds rounds, one connection, veth with GRO at the receiver, no loss"
for round in $(seq 1 "$rounds"); do
  echo "round $round"
  run_case "kernel TCP, IPv4" 198.18.0.2 kernel
  run_case "flowgen tcp, IPv4" 198.18.0.2 flowgen
  run_case "kernel TCP, IPv6" 2001:db8:0:1::2 kernel
  run_case "flowgen tcp, IPv6" 2001:db8:0:1::2 flowgen
done

echo "medians:"
cut -d'|' -f1 "$out/results" | awk '!seen[$0]++' | while read -r name; do
  grep -F "$name|" "$out/results" | sort -t'|' -k2 -n | awk -F'|' -v n="$name" \
    '{ g[NR] = $2; r[NR] = $3 } END { m = int((NR + 1) / 2); printf "  %-28s %6.2f Gbit/s%s\n", n, g[m], r[m] == "-" ? "" : sprintf(", resent %.3f%%", r[m] * 100) }'
done
