/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * Layouts shared by the XDP programs and user space (agent/Engine reads these maps).
 * Every field is a u64 so that user space can read a per-CPU slot as an array of longs.
 */
#ifndef FLOWGEN_H
#define FLOWGEN_H

/* Read-only configuration of the generator (its .rodata), set by user space before load. */
struct gen_config {
	__u32 target_ifindex;     /* where frames are redirected */
	__u32 job_tgid;           /* tracepoints keep only events raised by this process */
	__u32 udp_offset;         /* offset of the UDP header in the frame */
	__u16 dst_port_first;     /* host order; the template carries this port */
	__u16 dst_port_count;     /* > 1: vary the destination port over [first, first + count) */
	__u16 template_udp_check; /* host order, the template's checksum (for dst_port_first) */
	__u16 reserved;
};

/* Read-only configuration of the sink (its .rodata). */
struct sink_config {
	__u32 pass_test_traffic;  /* 1: pass counted frames to the stack instead of dropping them */
};

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
#define FLOWGEN_ERRNO_SLOTS 128

/* Sink counters, one per-CPU slot (map "sink_counters"), written by the sink program. */
struct sink_counters {
	__u64 packets;      /* test frames (IPv4/IPv6 UDP) */
	__u64 wire_bytes;   /* their size on the wire, FCS included */
	__u64 other;        /* everything else, passed to the stack */
};

#endif
