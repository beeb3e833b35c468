#!/usr/bin/env bash
# Installs what Flowgen needs to build and run its tests on Debian 12 (or a close relative).
# Idempotent: installs only what is missing, and touches apt's lists only then.
# Usage: sudo scripts/setup.sh
set -euo pipefail

packages=(
    libbpf1        # libbpf.so.1, loaded by the agent at run time
    libbpf-dev     # bpf_helpers.h and friends for the BPF programs
    bpftool
    ethtool
    iproute2       # ip netns / ip link for the test bed
    linux-libc-dev # linux/*.h and asm/*.h for the BPF programs
    clang-14       # compiles bpf/*.bpf.c during the build
    prometheus     # tests run a real server and promtool; they start their own
    tcpdump        # tests capture frames at the receiver (VLAN tags, reflected probes)
)

log() { printf 'setup: %s\n' "$*"; }
die() {
    printf 'setup: error: %s\n' "$*" >&2
    exit 1
}

installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

[[ "$(id -u)" -eq 0 ]] ||
    die "must run as root (apt-get, bpffs, and the kernel tests need it): sudo $0"
command -v apt-get >/dev/null ||
    die "apt-get not found: this script supports Debian 12 and relatives"

missing=()
for pkg in "${packages[@]}"; do
    if installed "$pkg"; then
        log "$pkg: already installed"
    else
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} > 0)); then
    export DEBIAN_FRONTEND=noninteractive
    # Keep maintainer scripts from starting services (Prometheus would take port 9090): the
    # policy-rc.d convention is honoured by invoke-rc.d and deb-systemd-invoke. An existing one is
    # left as it is.
    policy=/usr/sbin/policy-rc.d
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        trap 'rm -f "$policy"' EXIT
    fi

    log "installing: ${missing[*]}"
    apt-get update -q || die "apt-get update failed"
    apt-get install -y -q --no-install-recommends "${missing[@]}" ||
        die "apt-get install failed for: ${missing[*]}"
    for pkg in "${missing[@]}"; do
        installed "$pkg" || die "$pkg is still not installed after apt-get install"
    done
    log "installed: ${missing[*]}"

    if [[ " ${missing[*]} " == *" prometheus "* ]]; then
        # The package enables its service even where it may not start it; tests start their own.
        if command -v systemctl >/dev/null; then
            if [[ -d /run/systemd/system ]]; then
                systemctl disable --now prometheus.service >/dev/null 2>&1 || true
            else
                systemctl disable prometheus.service >/dev/null 2>&1 || true
            fi
        fi
        if [[ -x /etc/init.d/prometheus ]] && /etc/init.d/prometheus status >/dev/null 2>&1; then
            /etc/init.d/prometheus stop >/dev/null 2>&1 || true
        fi
        log "prometheus: service stopped and disabled (tests start their own server)"
    fi
else
    log "all packages present, nothing to install"
fi

if mountpoint -q /sys/fs/bpf; then
    log "bpffs: already mounted at /sys/fs/bpf"
elif mount -t bpf bpf /sys/fs/bpf 2>/dev/null; then
    log "bpffs: mounted at /sys/fs/bpf"
else
    log "warning: could not mount bpffs at /sys/fs/bpf; continuing"
fi

# Not installable from Debian's mirrors: report, don't fail, so the packages above still land.
if command -v dotnet >/dev/null; then
    log "dotnet: $(dotnet --version 2>/dev/null || echo 'present')"
else
    log "warning: dotnet not found: install the .NET 10 SDK (https://dot.net) to build Flowgen"
fi
command -v kubectl >/dev/null ||
    log "warning: kubectl not found: the tests that render manifests with kubectl will fail"

log "done"
