/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * Layouts shared by the XDP programs and user space (agent/Engine reads these maps).
 * Every field is a u64 so that user space can read a per-CPU slot as an array of longs.
 */
#ifndef FLOWGEN_H
#define FLOWGEN_H

/* Frame sizes one job can mix (-s 64:7,594:4,1518:1, imix). */
#define FLOWGEN_SIZE_CLASSES 8

/* Flows a stamping job can number: "gen_probe_seq" holds one sequence per flow and CPU. */
#define FLOWGEN_STAMP_MAX_FLOWS 65536

/* One frame size of the job, with what the generator writes for it. Lengths and checksums in
 * host order. The checksum bases are computed by user space over the frame cut to this size
 * with every dynamic field zero (addresses' low 32 bits, ports, the probe's stream, flow, seq and
 * sent_ns): the program adds the values it writes (RFC 1071 sums commute), never reading the page. */
struct gen_size_class {
	__u32 threshold;          /* pick this class when a random u32 is below this (cumulative; the last is ~0) */
	__u16 frame_len;          /* bytes handed to the kernel: the size on the wire minus the FCS */
	__u16 ip_len;             /* IPv4 total length, or IPv6 payload length */
	__u16 udp_len;
	__u16 ip_check_base;      /* IPv4 header checksum (unused for IPv6) */
	__u16 udp_check_base;
	__u16 reserved;
};

/* A range of values in host order: first, first + 1, ... first + count - 1 (count >= 1).
 * For addresses: the low 32 bits (all of an IPv4 address, the last 4 bytes of an IPv6 one). */
struct gen_range {
	__u32 first;
	__u32 count;
};

/* The template's headers a stamping generator restores in every frame: Ethernet (with an 802.1Q tag),
 * IPv4 or IPv6 and UDP, at most 4 + 14 + 40 + 8 = 66 bytes. */
#define FLOWGEN_HEADER_WORDS 8

/* Read-only configuration of the generator (its .rodata), set by user space before load. */
struct gen_config {
	__u32 target_ifindex;     /* where frames are redirected */
	__u32 job_tgid;           /* tracepoints keep only events raised by this process */
	__u32 ip_offset;          /* offset of the IP header: 14, or 18 behind an 802.1Q tag */
	__u32 udp_offset;         /* offset of the UDP header in the frame */
	__u32 ipv6;               /* 1: IPv6 (no header checksum) */
	__u32 rewrite;            /* 0: send the template untouched; 1: write every dynamic field below */
	__u32 stamp;              /* 1: write a struct flowgen_probe at the start of the UDP payload */
	__u32 flow_random;        /* 1: each frame picks a random flow; 0: each CPU goes through the flows in turn */
	__u32 flow_count;         /* the product of the four range counts (at most 2^32 - 1) */
	__u32 size_class_count;   /* 1 to FLOWGEN_SIZE_CLASSES; the template has the largest size */
	struct gen_range src_addr;
	struct gen_range dst_addr;
	struct gen_range src_port;
	struct gen_range dst_port;
	struct gen_size_class size_classes[FLOWGEN_SIZE_CLASSES];
	/* header_len: 0, or (stamping jobs) the bytes of the template's headers written into every
	 * frame before its dynamic fields (live-frames pages are recycled holding whatever a receiver
	 * on a veth pair wrote there: flowgen reflect's swapped MACs, addresses and ports).
	 * header_words hold its bytes [0, 8 * (header_len / 8)); header_tail its last 8 bytes
	 * (overlapping the words). */
	__u32 header_len;
	__u32 reserved;
	__u64 header_words[FLOWGEN_HEADER_WORDS];
	__u64 header_tail;
};

/* Read-only configuration of the sink (its .rodata). */
struct sink_config {
	__u32 pass_test_traffic;  /* 1: pass counted frames to the stack instead of dropping them */
	__u32 verify;             /* 1: check probes' sequence numbers (map "verify_flows") */
};

/* Generator counters, one per-CPU slot (map "gen_counters").
 * attempted: written by the XDP program, one per frame it redirected.
 * sent, dropped: written by the xdp_devmap_xmit tracepoint for this job's flushes.
 * redirect_errors: written by the xdp_redirect_err tracepoint for this job's frames.
 * paced: written by the XDP program, one per iteration rate control held back (not a frame).
 * After a call has returned, attempted == sent + dropped + redirect_errors. */
struct gen_counters {
	__u64 attempted;
	__u64 sent;
	__u64 dropped;
	__u64 redirect_errors;
	__u64 xmit_error_flushes; /* devmap flushes whose driver call failed (frames are in dropped) */
	__u64 paced;
};

/* ---- Rate control (bpf/pacing.h) ---- */

/* gen_rate.step: bit 0 says what a frame costs (set: its wire bytes, FCS included, for a bits/s
 * rate; clear: 1, for packets/s); the bits above hold what one unit of cost takes on one CPU, in
 * 2^-GEN_RATE_FRAC_BITS ns. One u64, so a live change is one store the program never sees torn. */
#define GEN_RATE_PER_BYTE 1ull
#define GEN_RATE_STEP_SHIFT 1
#define GEN_RATE_FRAC_BITS 16

/* "gen_rate" (array, one entry): written by user space, also while the job runs. */
struct gen_rate {
	__u64 step;               /* 0: no rate control */
	__u64 credit_ns;          /* how far a CPU's schedule may lag behind and still catch up */
};

/* "gen_pacing" (per-CPU array, one entry): one CPU's schedule. */
struct gen_pacing {
	__u64 next_ns;            /* bpf_ktime_get_ns() when the next frame is due; 0: start now */
	__u64 frac;               /* below next_ns's resolution, in 2^-GEN_RATE_FRAC_BITS ns */
	__u64 quota;              /* hold every frame once this CPU's attempted reaches it */
	__u64 earliest_ns;        /* no frame before this: catching up stays below PACE_SPEEDUP times the rate */
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

/* The sink's timeline (bpf/timeline.h): "sink_timeline" has this many bins; the last one also
 * collects every later frame. */
#define FLOWGEN_TIMELINE_BINS 16384

/* "sink_timeline_config" (array, one entry): written by user space before attach. */
struct sink_timeline_config {
	__u64 origin_ns;          /* bpf_ktime_get_ns() where bin 0 starts */
	__u64 bin_ns;             /* 0: no timeline */
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

/* ---- Probes: the header a stamping generator writes at the start of each UDP payload ---- */

/* "FGP1": tells probes from other UDP traffic. */
#define FLOWGEN_PROBE_MAGIC 0x46475031

/* Every field in network byte order. A probe starts 8 bytes into the UDP header, so its fields
 * fall on even offsets of the checksummed segment and can be summed as 16-bit words.
 * stream: the generator CPU that sent it; (stream, flow) is one sequence: seq counts 0, 1, 2 ...
 * sent_ns: bpf_ktime_get_ns() (CLOCK_MONOTONIC) when the generator wrote it.
 * reflected_ns: 0 until `flowgen reflect` turns it back, then its bpf_ktime_get_ns(). */
struct flowgen_probe {
	__u32 magic;
	__u16 stream;
	__u16 flags;              /* reserved, 0 */
	__u32 flow;               /* the flow's index in the job's set of flows */
	__u32 reserved;           /* 0; keeps the u64s 8-aligned within the probe */
	__u64 seq;
	__u64 sent_ns;
	__u64 reflected_ns;
};

/* ---- sink --verify: loss and ordering per (stream, flow) (bpf/sink.bpf.c) ---- */

/* Sequences one sink tells apart (map "verify_flows"). */
#define FLOWGEN_VERIFY_MAX_FLOWS 4096

/* The window of recent sequence numbers whose arrival is remembered: a packet at most this far
 * behind the newest is told apart as late (it fills a gap) or duplicate; one further behind is
 * counted as stale (neither). A multiple of 64. */
#define FLOWGEN_VERIFY_WINDOW 4096
#define FLOWGEN_VERIFY_WINDOW_WORDS (FLOWGEN_VERIFY_WINDOW / 64)

/* Key of "verify_flows": the probe's stream and flow, host order. */
struct verify_key {
	__u32 stream;
	__u32 flow;
};

/* Value of "verify_flows", written by the sink under `lock`; user space reads it with BPF_F_LOCK.
 * next_seq: one past the highest seq received. Always received + lost == next_seq: a gap counts
 * as lost when a later seq arrives and stops counting when the missing one comes late.
 * Losses after the last received seq are invisible here. Addresses and ports: the first probe's,
 * in network order (an IPv4 address fills the first 4 bytes). */
struct verify_flow {
	struct bpf_spin_lock lock;
	__u8 family;              /* 4 or 6 */
	__u8 pad[3];
	__u8 src[16];
	__u8 dst[16];
	__u16 src_port;
	__u16 dst_port;
	__u32 pad2;
	__u64 next_seq;
	__u64 received;           /* distinct seqs */
	__u64 lost;
	__u64 duplicates;         /* a seq within the window that had arrived before */
	__u64 reordered;          /* a seq within the window that arrived after a later one (a gap filled) */
	__u64 stale;              /* a seq further behind than the window: not classified */
	__u64 seen[FLOWGEN_VERIFY_WINDOW_WORDS]; /* bit seq % WINDOW: seq arrived */
};

/* ---- flowgen reflect (bpf/reflect.bpf.c) ---- */

/* Reflector counters, one per-CPU slot (map "reflect_counters"), written by xdp_reflect. */
struct reflect_counters {
	__u64 reflected;          /* probes turned back (XDP_TX) */
	__u64 passed;             /* everything else, passed to the stack */
};

/* ---- Round-trip times of reflected probes (bpf/latency.bpf.c, on the generator's interface) ---- */

/* Log-linear histogram of rtt in ns: values below 2^SUB_BITS have a bucket each; above, each
 * power of two is cut into 2^SUB_BITS equal buckets (relative width at most 1/32). */
#define FLOWGEN_LATENCY_SUB_BITS 5
#define FLOWGEN_LATENCY_SUB_BUCKETS (1 << FLOWGEN_LATENCY_SUB_BITS)
#define FLOWGEN_LATENCY_MAX_EXPONENT 40      /* 2^41 ns, about 36 minutes: larger values clamp */
#define FLOWGEN_LATENCY_BUCKETS \
	(FLOWGEN_LATENCY_SUB_BUCKETS * (FLOWGEN_LATENCY_MAX_EXPONENT - FLOWGEN_LATENCY_SUB_BITS + 2))

/* Raw samples kept for inspection (map "latency_samples"): the first this many. */
#define FLOWGEN_LATENCY_MAX_SAMPLES 65536

/* Latency totals, one per-CPU slot (map "latency_totals"), written by xdp_latency. */
struct latency_totals {
	__u64 samples;            /* reflected probes caught (each one in the histogram) */
	__u64 sum_ns;
	__u64 min_ns;             /* 0: none yet */
	__u64 max_ns;
	__u64 out_of_order;       /* sent > reflected or reflected > returned: clocks disagree (not in the histogram) */
	__u64 passed;             /* everything else, passed to the stack */
};

/* One raw sample (an entry of "latency_samples"), times from bpf_ktime_get_ns. */
struct latency_sample {
	__u64 sent_ns;
	__u64 reflected_ns;
	__u64 returned_ns;
	__u64 seq;
	__u32 stream;
	__u32 flow;
};

/* ---- TCP mode (bpf/tcp.bpf.c) ---- */

/* Flows one job can run at once (map "tcp_flows"). */
#define FLOWGEN_TCP_MAX_FLOWS 64

/* The SACK scoreboard: one bit per segment, indexed by segment number modulo this size.
 * The sender never has this many segments in flight, so a bit can't alias an outstanding one. */
#define FLOWGEN_TCP_SCOREBOARD_SEGMENTS 8192
#define FLOWGEN_TCP_SCOREBOARD_WORDS (FLOWGEN_TCP_SCOREBOARD_SEGMENTS / 64)

/* Key of "tcp_flows": the connection seen from our side. Addresses in network order; an IPv4
 * address fills the first 4 bytes, the rest zero. Ports in network order. */
struct tcp_flow_key {
	__u8 family;              /* 4 or 6 */
	__u8 pad[3];
	__u8 local[16];
	__u8 remote[16];
	__u16 local_port;
	__u16 remote_port;
};

/* tcp_flow.state */
enum tcp_flow_state {
	TCP_FLOW_HANDSHAKE = 1,   /* the kernel socket connects: the ingress program passes everything */
	TCP_FLOW_RUNNING = 2,     /* taken over: the sender sends, the ingress program drops the flow */
};

/* tcp_flow.flags */
#define TCP_FLOW_PEER_FIN      (1u << 0)  /* the peer sent its FIN (rcv_nxt counts it) */
#define TCP_FLOW_PEER_RST      (1u << 1)  /* the peer reset the connection */
#define TCP_FLOW_FIN_ACKED     (1u << 2)  /* the peer acknowledged our FIN (sent at seq iss + end) */
#define TCP_FLOW_FAST_RECOVERY (1u << 3)  /* after three duplicate ACKs, until recover is acknowledged */
#define TCP_FLOW_RTO_RECOVERY  (1u << 4)  /* after a retransmission timeout, until recover is acknowledged */
#define TCP_FLOW_RECOVERY      (TCP_FLOW_FAST_RECOVERY | TCP_FLOW_RTO_RECOVERY)

/* Value of "tcp_flows", one per connection. Every access holds `lock` (user space: BPF_F_LOCK).
 * Stream offsets are u64 byte counts from the first data byte (sequence number iss); segment k
 * carries offsets [k * mss, (k + 1) * mss). User space writes the whole value only at phase
 * changes (handshake, hand-over), when the ingress program's own updates can be lost harmlessly. */
struct tcp_flow {
	struct bpf_spin_lock lock;
	__u32 state;              /* enum tcp_flow_state */
	/* Set by user space at the hand-over. */
	__u32 iss;                /* our sequence number of stream offset 0 */
	__u32 mss;                /* payload bytes per segment (the record size R) */
	__u32 snd_wscale;         /* the shift that applies to the window the peer advertises */
	__u32 ts_enabled;         /* segments carry NOP,NOP,TS at TCP offset 20 */
	__u32 ts_base;            /* our TSval at ts_base_ns (CLOCK_MONOTONIC, like bpf_ktime_get_ns) */
	__u16 template_check;     /* host order: the template's TCP checksum, its dynamic fields all zero */
	__u16 pad0;
	__u64 ts_base_ns;
	__u64 end;                /* stream offset where data ends, a multiple of mss; ~0: no end */
	__u64 rto_initial_ns;
	__u64 rto_max_ns;
	/* Both programs. */
	__u32 rcv_nxt;            /* our ACK number; the ingress program moves it over the peer's FIN */
	__u32 ts_recent;          /* the peer's latest TSval: our TSecr */
	__u32 flags;              /* TCP_FLOW_* */
	__u32 dupacks;
	__u32 cwnd;               /* congestion window, in segments */
	__u32 ssthresh;           /* in segments */
	__u32 cwnd_acked;         /* segments acknowledged towards the next congestion-avoidance step */
	__u32 peer_window_raw;    /* the window field of the peer's latest ACK, unscaled */
	__u64 peer_window;        /* bytes: peer_window_raw << snd_wscale */
	__u64 snd_una;            /* stream offset acknowledged */
	__u64 snd_nxt;            /* stream offset of the next new byte (a multiple of mss) */
	__u64 recover;            /* snd_nxt when recovery began: it ends once this is acknowledged */
	__u64 retx_next;          /* segments [retx_next, retx_end) not SACKed are due for resending */
	__u64 retx_end;
	__u64 sack_high;          /* one past the highest SACKed segment */
	__u64 rto_ns;             /* current retransmission timeout (backed off) */
	__u64 rto_start_ns;       /* when the timer was last restarted */
	__u64 pass_nxt;           /* snd_nxt's segment when this pass's latest retransmission was sent */
	__u32 rtx_in_pass;        /* 1: this pass has resent something (pass_nxt is set) */
	__u32 probe_sent;         /* 1: a tail-loss probe went out since the last delivery */
	__u64 probe_start_ns;     /* the probe timer: the last delivery, or the first send into an empty flight */
	__u64 srtt_ns;            /* smoothed round-trip time (0: no sample yet) */
	__u64 rtt_segment;        /* 1 + the segment being timed (0: none); a resent one is not timed (Karn) */
	__u64 rtt_sent_ns;
	/* Counters. */
	__u64 segments_sent;      /* new segments handed to the driver */
	__u64 segments_resent;    /* retransmissions handed to the driver */
	__u64 idle;               /* sender iterations that had nothing to send (dropped, not sent) */
	__u64 fast_retransmits;
	__u64 timeouts;
	__u64 probes;             /* tail-loss probes (new data or the last segment resent) */
	__u64 sacked[FLOWGEN_TCP_SCOREBOARD_WORDS]; /* bit k % SEGMENTS: segment k was SACKed */
};

/* "tcp_control" (array, one entry): written by user space, read by the sender. */
struct tcp_control {
	__u32 stop_new_data;      /* 1: send no new data (a duration ended); finish what is in flight */
	__u32 payload_len;        /* 0: the offset-encoding pattern; else the --payload-file's length */
};

/* "tcp_payload" (array): a --payload-file repeated without end, cut into overlapping chunks:
 * entry k holds the repeated file's bytes [k * CHUNK, k * CHUNK + CHUNK + RECORD_MAX), so the
 * R-byte payload at stream offset o is one contiguous range of entry (o mod len) / CHUNK. */
#define FLOWGEN_TCP_PAYLOAD_CHUNK 4096
#define FLOWGEN_TCP_PAYLOAD_RECORD_MAX 4096      /* R never exceeds a page */
#define FLOWGEN_TCP_PAYLOAD_CHUNKS 256           /* files up to 1 MiB */

struct tcp_payload_chunk {
	__u8 bytes[FLOWGEN_TCP_PAYLOAD_CHUNK + FLOWGEN_TCP_PAYLOAD_RECORD_MAX];
};

/* Read-only configuration of bpf/tcp.bpf.c (its .rodata). */
struct tcp_config {
	__u32 target_ifindex;     /* where the sender redirects segments */
	__u32 reserved;
};

#endif
