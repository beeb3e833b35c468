/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * Layouts shared by the XDP programs and user space (agent/Engine reads these maps).
 * Every field is a u64 so that user space can read a per-CPU slot as an array of longs.
 */
#ifndef FLOWGEN_H
#define FLOWGEN_H

/* Generator counters, one per-CPU slot (map "gen_counters").
 * attempted: written by the XDP program, one per frame it redirected.
 * sent, dropped: written by the xdp_devmap_xmit tracepoint for this job's flushes.
 * redirect_errors: written by the xdp_redirect_err tracepoint for this job's frames.
 * After a call has returned, attempted == sent + dropped + redirect_errors. */
struct gen_counters {
	__u64 attempted;
	__u64 sent;
	__u64 dropped;
	__u64 redirect_errors;
	__u64 xmit_error_flushes; /* devmap flushes whose driver call failed (frames are in dropped) */
};

/* Redirect errors by errno (map "gen_redirect_errnos", per-CPU, index = errno;
 * the last slot collects anything larger). */
#define FLOWGEN_ERRNO_SLOTS 64

/* Sink counters, one per-CPU slot (map "sink_counters"), written by the sink program. */
struct sink_counters {
	__u64 packets;      /* test frames (IPv4/IPv6 UDP) */
	__u64 wire_bytes;   /* their size on the wire, FCS included */
	__u64 other;        /* everything else, passed to the stack */
};

#endif
