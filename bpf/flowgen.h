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

/* Read-only configuration of the lossy forwarder (its .rodata). */
struct wire_config {
	__u32 ifindex_a;          /* frames arriving here leave through ifindex_b (direction 0) */
	__u32 ifindex_b;          /* frames arriving here leave through ifindex_a (direction 1) */
	__u32 drop_ppm[2];        /* per direction: drop probability in parts per million */
	__u32 lose;               /* which frames may be dropped: enum wire_lose */
};

/* wire_config.lose */
enum wire_lose {
	WIRE_LOSE_IP = 0,         /* IPv4 and IPv6, except neighbour discovery; ARP and non-IP pass */
	WIRE_LOSE_UDP_TCP = 1,    /* only UDP and TCP over IPv4 and IPv6 */
	WIRE_LOSE_ALL = 2,        /* any frame, ARP and neighbour discovery included */
};

/* Forwarder counters, one per-CPU slot per direction (map "wire_counters", key 0: A to B,
 * 1: B to A). forwarded, dropped: written by the XDP program. transmitted, xmit_dropped:
 * written by the xdp_devmap_xmit tracepoint; redirect_errors by xdp_redirect_err.
 * Once idle, forwarded == transmitted + xmit_dropped + redirect_errors. Bytes are on the
 * wire, FCS included. unflushed: private to the programs (frames redirected on this CPU
 * whose fate no tracepoint has reported yet). */
struct wire_counters {
	__u64 forwarded;
	__u64 forwarded_bytes;
	__u64 dropped;
	__u64 dropped_bytes;
	__u64 transmitted;
	__u64 xmit_dropped;
	__u64 redirect_errors;
	__u64 unflushed;
};

#endif
