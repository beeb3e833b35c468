// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * TCP mode: the kernel connects, XDP sends.
 *
 * xdp_tcp_ingress is attached (bpf_link) to the job's interface and serves all its flows;
 * xdp_tcp_send runs through BPF_PROG_RUN in live-frames mode, one frame template per flow.
 * They share one spin-locked "tcp_flows" entry per connection (struct tcp_flow).
 *
 * A flow's life:
 *   HANDSHAKE  user space inserted it before connect(): the ingress program passes every
 *              segment (so the kernel completes the handshake, or learns of a RST and reports
 *              "refused"), recording only the peer's TSval.
 *   RUNNING    user space froze the socket (TCP_REPAIR) and wrote what was negotiated. The
 *              ingress program parses every segment of the flow (ACK, window, SACK blocks,
 *              TSval, FIN, RST) and drops it: the frozen socket sees nothing. Per run, the
 *              sender sends, in this order of preference:
 *                1. a retransmission due in the current pass (below);
 *                2. a new segment, if the flight fits min(cwnd, peer window);
 *                3. a tail-loss probe, if one is due (below);
 *              or else drops the frame and counts an idle iteration.
 *
 * Loss recovery (RFC 6675 SACK recovery with RACK-TLP's loss rules, RFC 8985, on a per-segment
 * bitmap scoreboard; there is no reordering on the paths this runs over, so the reordering
 * window is zero, as RACK uses in recovery):
 * - Entering: three duplicate ACKs, or three segments SACKed above snd_una. ssthresh = cwnd =
 *   flight / 2 (NewReno halving); recovery lasts until `recover` (snd_nxt then) is acknowledged.
 * - What is lost (IsLost): every segment below the highest SACKed one (sack_high) that is not
 *   SACKed. The retransmissions go in passes: a pass walks [snd_una, retx_end) once, resending
 *   what is neither SACKed nor acknowledged; retx_end follows sack_high on every ACK.
 * - A lost retransmission (RACK): a resend is lost once a segment sent after it is delivered.
 *   Resends go before new data, so every resend of a pass left while snd_nxt was at most
 *   pass_nxt (snd_nxt at the pass's latest resend): a SACK at or above pass_nxt proves them all
 *   lost, and the next pass starts from snd_una. A partial ACK does the same for the segment at
 *   snd_una (sent before the resend that was acknowledged).
 * - New data in recovery: the flight counts only segments above sack_high (below it everything
 *   is SACKed or lost; resends in flight are not counted), so new data keeps flowing at the
 *   halved cwnd, and its SACKs are what expose lost resends.
 * - Tail-loss probe (TLP): when nothing was delivered for PTO = 2 SRTT + 2 ms (SRTT from one
 *   timed never-resent segment at a time, Karn), and more than one segment is in flight, one
 *   probe: a new segment if the peer's window takes it (cwnd ignored), else the last segment
 *   again. Its SACK reveals tail losses and lost ACKs without a timeout. One probe per
 *   delivery.
 * - Retransmission timeout (doubled per expiry, reset by progress): only when the probe did not
 *   help. snd_una's segment is resent, cwnd = 1 and slow start; further resends come only from
 *   the scoreboard (IsLost, partial ACKs), never the whole flight.
 * Hence resends stay close to what was lost: each lost segment is resent once per loss of its
 * copy, plus spurious resends only from timeouts and probes of the last segment.
 * The end: user space stops the sender once `end` is acknowledged, then sends a FIN itself;
 * the ingress program records its ACK (TCP_FLOW_FIN_ACKED) and the peer's FIN.
 *
 * Dynamic fields (seq, ack, TSval, TSecr, the record's 8-byte offset) are written as absolute
 * values and the checksum is the template's (computed with those fields zero) plus their sum:
 * live-frames pages are recycled with the previous contents, so nothing is read from the page.
 * With a --payload-file (tcp_control.payload_len), the template's payload is zero, the record
 * header is not written, and the R payload bytes of stream offset o are the file's from o mod
 * len, copied from "tcp_payload" with bpf_xdp_store_bytes and summed with bpf_csum_diff.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "flowgen.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_SACK 5
#define TCPOPT_TIMESTAMP 8
#define TCPOLEN_TIMESTAMP 10
#define TCP_OPTIONS_MAX 40
#define SACK_BLOCKS_MAX 4
#define TS_OFFSET 24        /* TSval in our segments: after the 20-byte header and NOP,NOP,kind,len */
#define NS_PER_MS 1000000ULL
#define RETX_SCAN_MAX 64    /* SACKed segments skipped per run while looking for a hole */
#define MIN_SSTHRESH 2
#define DUPACK_THRESHOLD 3
#define SACK_MARK_MAX 256   /* segments marked per SACK block and ACK */
#define CSUM_CHUNK 512      /* bpf_csum_diff's largest buffer */
#define PTO_MARGIN_NS (2 * NS_PER_MS) /* added to 2 SRTT: Linux's TCP_TIMEOUT_MIN */
#define SEGMENT_MASK (FLOWGEN_TCP_SCOREBOARD_SEGMENTS - 1)

const volatile struct tcp_config config = {};

/* Written by user space (insert, hand-over) and both programs; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, FLOWGEN_TCP_MAX_FLOWS);
	__type(key, struct tcp_flow_key);
	__type(value, struct tcp_flow);
} tcp_flows SEC(".maps");

/* Written by user space; read by xdp_tcp_send. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tcp_control);
} tcp_control SEC(".maps");

/* Written by user space before the flows start (a --payload-file); read by xdp_tcp_send. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, FLOWGEN_TCP_PAYLOAD_CHUNKS);
	__type(key, __u32);
	__type(value, struct tcp_payload_chunk);
} tcp_payload SEC(".maps");

/* What the ingress program takes from a segment before it takes the lock. */
struct segment {
	__u32 seq;
	__u32 ack;
	__u32 payload;
	__u32 window_raw;
	__u32 tsval;
	__u8 has_ts;
	__u8 syn, fin, rst, ack_flag;
	__u8 sack_count;
	__u32 sack[SACK_BLOCKS_MAX][2];
};

/* The TCP header of an IPv4/IPv6 frame, its key (seen from our side), and the payload length. */
static __always_inline struct tcphdr *parse(void *data, void *data_end, struct tcp_flow_key *key,
					    int ingress, __u32 *payload)
{
	struct ethhdr *eth = data;
	struct tcphdr *tcp;
	__u32 ip_payload;

	if ((void *)(eth + 1) > data_end)
		return 0;
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);

		if ((void *)(ip + 1) > data_end || ip->protocol != IPPROTO_TCP || ip->ihl < 5 ||
		    (ip->frag_off & bpf_htons(0x3fff)))
			return 0;
		key->family = 4;
		__builtin_memcpy(ingress ? key->local : key->remote, &ip->daddr, 4);
		__builtin_memcpy(ingress ? key->remote : key->local, &ip->saddr, 4);
		tcp = (void *)ip + ip->ihl * 4;
		ip_payload = bpf_ntohs(ip->tot_len) - ip->ihl * 4;
	} else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);

		if ((void *)(ip6 + 1) > data_end || ip6->nexthdr != IPPROTO_TCP)
			return 0;
		key->family = 6;
		__builtin_memcpy(ingress ? key->local : key->remote, &ip6->daddr, 16);
		__builtin_memcpy(ingress ? key->remote : key->local, &ip6->saddr, 16);
		tcp = (void *)(ip6 + 1);
		ip_payload = bpf_ntohs(ip6->payload_len);
	} else {
		return 0;
	}
	if ((void *)(tcp + 1) > data_end || tcp->doff < 5 || ip_payload < tcp->doff * 4)
		return 0;
	key->local_port = ingress ? tcp->dest : tcp->source;
	key->remote_port = ingress ? tcp->source : tcp->dest;
	*payload = ip_payload - tcp->doff * 4;
	return tcp;
}

/* A copy of a segment's options, walked by bpf_loop (the verifier checks the step once). */
struct option_walk {
	__u8 bytes[64];           /* 40 option bytes at most; the rest stays zero (EOL) */
	__u32 pos;
	struct segment s;
};

static __always_inline __u8 byte_at(struct option_walk *w, __u64 at)
{
	/* The mask in assembly: the compiler would drop it as redundant, the verifier needs it. */
	asm volatile("%0 &= 63" : "+r"(at));
	return w->bytes[at];
}

static __always_inline __u32 be32_at(struct option_walk *w, __u32 at)
{
	return (__u32)byte_at(w, at) << 24 | (__u32)byte_at(w, at + 1) << 16 |
	       (__u32)byte_at(w, at + 2) << 8 | byte_at(w, at + 3);
}

/* One option: records a timestamp or SACK blocks. Returns 1 to stop the walk. */
static long walk_option(__u32 index, struct option_walk *w)
{
	__u32 pos = w->pos;
	__u8 kind, len;

	if (pos + 2 > TCP_OPTIONS_MAX)
		return 1;
	kind = byte_at(w, pos);
	if (kind == TCPOPT_EOL)
		return 1;
	if (kind == TCPOPT_NOP) {
		w->pos = pos + 1;
		return 0;
	}
	len = byte_at(w, pos + 1);
	if (len < 2 || pos + len > TCP_OPTIONS_MAX)
		return 1;
	if (kind == TCPOPT_TIMESTAMP && len == TCPOLEN_TIMESTAMP) {
		w->s.tsval = be32_at(w, pos + 2);
		w->s.has_ts = 1;
	} else if (kind == TCPOPT_SACK) {
		__u32 n = ((__u32)len - 2) / 8;

		for (__u32 b = 0; b < SACK_BLOCKS_MAX && b < n; b++) {
			w->s.sack[b][0] = be32_at(w, pos + 2 + b * 8);
			w->s.sack[b][1] = be32_at(w, pos + 6 + b * 8);
			w->s.sack_count = b + 1;
		}
	}
	w->pos = pos + len;
	return 0;
}

/* Timestamps and SACK blocks, from a stack copy of the options. */
static __always_inline void parse_options(struct xdp_md *ctx, struct tcphdr *tcp, struct option_walk *w)
{
	void *data = (void *)(long)ctx->data;
	__u32 len = tcp->doff * 4 - sizeof(*tcp);

	if (len == 0 || len > TCP_OPTIONS_MAX)
		return;
	if (bpf_xdp_load_bytes(ctx, (void *)(tcp + 1) - data, w->bytes, len))
		return;
	bpf_loop(TCP_OPTIONS_MAX, walk_option, w, 0);
}

static __always_inline int is_sacked(struct tcp_flow *f, __u64 segment)
{
	__u32 bit = segment & SEGMENT_MASK;

	return (f->sacked[(bit >> 6) & (FLOWGEN_TCP_SCOREBOARD_WORDS - 1)] >> (bit & 63)) & 1;
}

static __always_inline void clear_sacked(struct tcp_flow *f, __u64 segment)
{
	__u32 bit = segment & SEGMENT_MASK;

	f->sacked[(bit >> 6) & (FLOWGEN_TCP_SCOREBOARD_WORDS - 1)] &= ~(1ULL << (bit & 63));
}

/*
 * Marks segments [first, last) SACKed, a word at a time, at most the last SACK_MARK_MAX of
 * them: a block grows at its right edge a segment or two per ACK, so its older part was marked
 * by earlier ACKs. (Marking all of a long block on every ACK is more than the verifier allows;
 * a segment left unmarked costs at worst one needless resend.)
 */
static __always_inline void mark_sacked(struct tcp_flow *f, __u64 first, __u64 last)
{
	if (last - first > SACK_MARK_MAX)
		first = last - SACK_MARK_MAX;
	for (int i = 0; i < SACK_MARK_MAX / 64 + 1; i++) {
		if (first >= last)
			return;
		__u32 bit = first & SEGMENT_MASK;
		__u32 from = bit & 63;
		__u64 count = last - first;
		__u64 mask;

		if (count > 64 - from)
			count = 64 - from;
		mask = count == 64 ? ~0ULL : ((1ULL << count) - 1) << from;
		f->sacked[(bit >> 6) & (FLOWGEN_TCP_SCOREBOARD_WORDS - 1)] |= mask;
		first += count;
	}
}

static __always_inline void process_sack(struct tcp_flow *f, struct segment *s)
{
	__u32 una_seq = f->iss + (__u32)f->snd_una;
	__u64 outstanding = f->snd_nxt - f->snd_una;
	__u64 mss = f->mss;

	if (!mss)
		return;
	for (int b = 0; b < SACK_BLOCKS_MAX; b++) {
		if (b >= s->sack_count)
			return;
		/* Relative to snd_una; a D-SACK below it wraps to a huge value and is skipped. */
		__u64 start = (__u32)(s->sack[b][0] - una_seq);
		__u64 stop = (__u32)(s->sack[b][1] - una_seq);
		if (stop <= start || stop > outstanding)
			continue;
		__u64 first = (f->snd_una + start + mss - 1) / mss;
		__u64 last = (f->snd_una + stop) / mss;
		mark_sacked(f, first, last);
		if (last > f->sack_high)
			f->sack_high = last;
	}
}

/* A new pass over the holes: every segment in [snd_una, retx_end) not SACKed is resent once. */
static __always_inline void start_pass(struct tcp_flow *f, __u64 una_seg)
{
	f->retx_next = una_seg;
	f->rtx_in_pass = 0;
}

static __always_inline void enter_fast_recovery(struct tcp_flow *f)
{
	__u64 una_seg = f->snd_una / f->mss;
	__u32 flight = (f->snd_nxt - f->snd_una) / f->mss;

	f->flags |= TCP_FLOW_FAST_RECOVERY;
	f->fast_retransmits++;
	f->recover = f->snd_nxt;
	f->ssthresh = flight / 2 > MIN_SSTHRESH ? flight / 2 : MIN_SSTHRESH;
	f->cwnd = f->ssthresh;
	f->cwnd_acked = 0;
	start_pass(f, una_seg);
	f->retx_end = f->sack_high > una_seg + 1 ? f->sack_high : una_seg + 1;
}

/* Karn: only a segment sent once gives a sample; SRTT is the RFC 6298 average (gain 1/8). */
static __always_inline void sample_rtt(struct tcp_flow *f, __u64 now)
{
	__s64 sample;

	if (!f->rtt_segment || f->snd_una < f->rtt_segment * f->mss)
		return;
	sample = (__s64)(now - f->rtt_sent_ns);
	f->rtt_segment = 0;
	if (sample <= 0)
		return;
	f->srtt_ns = f->srtt_ns ? f->srtt_ns - (f->srtt_ns >> 3) + ((__u64)sample >> 3) : (__u64)sample;
}

/* The cumulative ACK moved forward by `acked` bytes. */
static __always_inline void on_progress(struct tcp_flow *f, __u64 acked, __u64 now)
{
	__u32 segments = acked / f->mss;

	f->snd_una += acked;
	f->dupacks = 0;
	f->rto_ns = f->rto_initial_ns;
	f->rto_start_ns = now;
	f->probe_start_ns = now;
	f->probe_sent = 0;
	sample_rtt(f, now);
	if (f->flags & TCP_FLOW_RECOVERY) {
		if (f->snd_una >= f->recover) {
			if (f->flags & TCP_FLOW_FAST_RECOVERY)
				f->cwnd = f->ssthresh;
			f->flags &= ~TCP_FLOW_RECOVERY;
		} else {
			/* A partial ACK: the segment now at snd_una was sent before the resent one that
			 * was just acknowledged, so it is lost too (NewReno; RACK with no reordering). */
			__u64 una_seg = f->snd_una / f->mss;
			if (f->retx_next < una_seg)
				f->retx_next = una_seg;
			if (f->retx_end < una_seg + 1)
				f->retx_end = una_seg + 1;
		}
		if (f->flags & TCP_FLOW_FAST_RECOVERY)
			return;
	}
	if (f->cwnd < f->ssthresh) {
		f->cwnd += segments;
	} else {
		f->cwnd_acked += segments;
		if (f->cwnd_acked >= f->cwnd) {
			f->cwnd_acked -= f->cwnd;
			f->cwnd++;
		}
	}
	if (f->cwnd > FLOWGEN_TCP_SCOREBOARD_SEGMENTS - 1)
		f->cwnd = FLOWGEN_TCP_SCOREBOARD_SEGMENTS - 1;
}

/*
 * In recovery, after the scoreboard took this ACK's SACK blocks: every segment below the highest
 * SACKed one that is not SACKed is lost (RFC 6675 IsLost, with no reordering allowance, as RACK
 * in recovery), so the pass reaches sack_high. And a resent segment is lost again once a segment
 * sent after it is SACKed (RACK): every resend of this pass went out while snd_nxt was at most
 * pass_nxt, so a SACK at or above pass_nxt starts the next pass.
 */
static __always_inline void detect_losses(struct tcp_flow *f)
{
	__u64 una_seg = f->snd_una / f->mss;

	if (f->rtx_in_pass && f->sack_high > f->pass_nxt)
		start_pass(f, una_seg);
	if (f->retx_end < f->sack_high)
		f->retx_end = f->sack_high;
}

static __always_inline void on_ack(struct tcp_flow *f, struct segment *s, __u64 now)
{
	__u32 una_seq = f->iss + (__u32)f->snd_una;
	__u32 delta = s->ack - una_seq;
	__u64 outstanding = f->snd_nxt - f->snd_una;
	__u64 window = (__u64)s->window_raw << (f->snd_wscale & 15);
	int window_changed = s->window_raw != f->peer_window_raw;
	__u64 sack_high = f->sack_high;

	if (delta > outstanding + 1)
		return; /* old or not yet sent: ignore */
	if (delta == outstanding + 1) {
		/* Only our FIN (after the last data byte) occupies that sequence number. */
		if (f->snd_nxt != f->end)
			return;
		if (outstanding)
			on_progress(f, outstanding, now);
		f->flags |= TCP_FLOW_FIN_ACKED;
	} else if (delta) {
		on_progress(f, delta, now);
	}
	f->peer_window_raw = s->window_raw;
	f->peer_window = window;
	process_sack(f, s);
	if (f->sack_high > sack_high) {
		/* Something was delivered: the probe timer restarts. */
		f->probe_start_ns = now;
		f->probe_sent = 0;
	}
	if (f->flags & TCP_FLOW_RECOVERY)
		detect_losses(f);
	/* A receiver's window changes on most ACKs as its application reads: an ACK that carries
	 * SACK blocks is a duplicate whatever its window says. */
	if (delta || !outstanding || s->payload || s->syn || s->fin || (window_changed && !s->sack_count))
		return;
	f->dupacks++;
	if (!(f->flags & TCP_FLOW_RECOVERY) &&
	    (f->dupacks >= DUPACK_THRESHOLD || f->sack_high >= f->snd_una / f->mss + 1 + DUPACK_THRESHOLD)) {
		/* Three duplicate ACKs, or three segments SACKed above the hole (RFC 6675). */
		enter_fast_recovery(f);
	}
}

SEC("xdp")
int xdp_tcp_ingress(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct tcp_flow_key key = {};
	struct option_walk w = {};
	struct segment *s = &w.s;
	struct tcp_flow *f;
	struct tcphdr *tcp;
	__u64 now;

	tcp = parse(data, data_end, &key, 1, &s->payload);
	if (!tcp)
		return XDP_PASS;
	f = bpf_map_lookup_elem(&tcp_flows, &key);
	if (!f)
		return XDP_PASS;
	s->seq = bpf_ntohl(tcp->seq);
	s->ack = bpf_ntohl(tcp->ack_seq);
	s->window_raw = bpf_ntohs(tcp->window);
	s->syn = tcp->syn;
	s->fin = tcp->fin;
	s->rst = tcp->rst;
	s->ack_flag = tcp->ack;
	parse_options(ctx, tcp, &w);
	now = bpf_ktime_get_ns();

	bpf_spin_lock(&f->lock);
	if (s->has_ts)
		f->ts_recent = s->tsval;
	if (f->state != TCP_FLOW_RUNNING) {
		bpf_spin_unlock(&f->lock);
		return XDP_PASS;
	}
	if (s->rst) {
		f->flags |= TCP_FLOW_PEER_RST;
	} else {
		if ((s->payload || s->fin) && s->seq == f->rcv_nxt) {
			f->rcv_nxt += s->payload + s->fin;
			if (s->fin)
				f->flags |= TCP_FLOW_PEER_FIN;
		}
		if (s->ack_flag && f->mss)
			on_ack(f, s, now);
	}
	bpf_spin_unlock(&f->lock);
	return XDP_DROP;
}

/* What the sender writes into one segment, copied out of the lock. */
struct outgoing {
	__u64 offset;
	__u32 seq, ack, tsval, tsecr;
	__u16 template_check;
	__u8 ts_enabled;
};

/* RFC 6298 expiry: back off, resend only snd_una's segment, then slow start (cwnd 1). */
static __always_inline void on_timeout(struct tcp_flow *f, __u64 now)
{
	__u64 una_seg = f->snd_una / f->mss;
	__u32 flight = (f->snd_nxt - f->snd_una) / f->mss;

	f->timeouts++;
	f->flags = (f->flags & ~TCP_FLOW_FAST_RECOVERY) | TCP_FLOW_RTO_RECOVERY;
	f->recover = f->snd_nxt;
	f->ssthresh = flight / 2 > MIN_SSTHRESH ? flight / 2 : MIN_SSTHRESH;
	f->cwnd = 1;
	f->cwnd_acked = 0;
	f->dupacks = 0;
	f->rtt_segment = 0;
	start_pass(f, una_seg);
	f->retx_end = una_seg + 1;
	f->rto_ns = f->rto_ns * 2 < f->rto_max_ns ? f->rto_ns * 2 : f->rto_max_ns;
	f->rto_start_ns = now;
	f->probe_start_ns = now;
	f->probe_sent = 0;
}

/* The probe timeout (RFC 8985): two smoothed RTTs plus a margin; none before the first sample. */
static __always_inline int probe_due(struct tcp_flow *f, __u64 now, __u64 outstanding)
{
	__u64 pto;

	if (f->probe_sent || !f->srtt_ns || outstanding <= f->mss)
		return 0;
	pto = 2 * f->srtt_ns + PTO_MARGIN_NS;
	return (__s64)(now - f->probe_start_ns) >= (__s64)pto;
}

/* The next segment of the pass that is still due (not SACKed, not acknowledged), or -1. */
static __always_inline __s64 next_resend(struct tcp_flow *f)
{
	__u64 segment;

	for (int i = 0; i < RETX_SCAN_MAX; i++) {
		if (f->retx_next >= f->retx_end)
			return -1;
		segment = f->retx_next++;
		if (segment * f->mss >= f->snd_una && !is_sacked(f, segment))
			return segment;
	}
	return -1;
}

/* Segments in the network: in recovery, those above the highest SACKed one (below it, all are
 * SACKed or lost: RFC 6675's pipe without the resends in flight); else everything outstanding. */
static __always_inline __u64 in_flight(struct tcp_flow *f)
{
	__u64 una_seg = f->snd_una / f->mss, nxt_seg = f->snd_nxt / f->mss;
	__u64 low = (f->flags & TCP_FLOW_RECOVERY) && f->sack_high > una_seg ? f->sack_high : una_seg;

	return nxt_seg > low ? nxt_seg - low : 0;
}

static __always_inline int can_send_new(struct tcp_flow *f, int ignore_cwnd)
{
	if (f->snd_nxt >= f->end || f->snd_nxt + f->mss > f->snd_una + f->peer_window)
		return 0;
	return ignore_cwnd || in_flight(f) < f->cwnd;
}

static __always_inline __u64 send_new(struct tcp_flow *f, __u64 now, __u64 outstanding)
{
	__u64 segment = f->snd_nxt / f->mss;

	clear_sacked(f, segment);
	if (!outstanding) {
		f->rto_start_ns = now;
		f->probe_start_ns = now;
	}
	if (!f->rtt_segment) {
		f->rtt_segment = segment + 1;
		f->rtt_sent_ns = now;
	}
	f->snd_nxt += f->mss;
	f->segments_sent++;
	return segment;
}

static __always_inline void count_resend(struct tcp_flow *f, __u64 segment)
{
	if (f->rtt_segment == segment + 1)
		f->rtt_segment = 0;
	f->segments_resent++;
}

/* Picks the segment to send (see the header comment). Returns 0 to send `out`, -1 when idle. */
static __always_inline int pick(struct tcp_flow *f, __u64 now, int stop_new_data, struct outgoing *out)
{
	__u64 mss = f->mss;
	__u64 outstanding;
	__s64 resend;
	__u64 segment;

	if (f->state != TCP_FLOW_RUNNING || (f->flags & (TCP_FLOW_PEER_FIN | TCP_FLOW_PEER_RST)) || !mss)
		return -1;
	if (stop_new_data && f->end > f->snd_nxt)
		f->end = f->snd_nxt;
	outstanding = f->snd_nxt - f->snd_una;
	/* now was read before the lock: the ingress program may have restarted the timer later. */
	if (outstanding && (__s64)(now - f->rto_start_ns) >= (__s64)f->rto_ns)
		on_timeout(f, now);
	resend = next_resend(f);
	if (resend >= 0) {
		segment = resend;
		f->rtx_in_pass = 1;
		f->pass_nxt = f->snd_nxt / mss;
		count_resend(f, segment);
	} else if (can_send_new(f, 0)) {
		segment = send_new(f, now, outstanding);
	} else if (probe_due(f, now, outstanding)) {
		/* Tail-loss probe: new data if the peer's window takes it, else the last segment sent;
		 * the SACK it draws shows the losses before it. */
		f->probe_sent = 1;
		if (can_send_new(f, 1)) {
			segment = send_new(f, now, outstanding);
		} else {
			segment = f->snd_nxt / mss - 1;
			if (is_sacked(f, segment)) {
				f->idle++;
				return -1;
			}
			count_resend(f, segment);
		}
		f->probes++;
	} else {
		f->idle++;
		return -1;
	}
	out->offset = segment * mss;
	out->seq = f->iss + (__u32)out->offset;
	out->ack = f->rcv_nxt;
	out->tsval = f->ts_base + (__u32)((now - f->ts_base_ns) / NS_PER_MS);
	out->tsecr = f->ts_recent;
	out->template_check = f->template_check;
	out->ts_enabled = f->ts_enabled;
	return 0;
}

static __always_inline __u32 add32(__u32 sum, __u32 raw)
{
	return sum + (raw & 0xffff) + (raw >> 16);
}

static __always_inline __u16 fold(__u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)sum;
}

/*
 * Writes the file's bytes for stream offset `offset` (len bytes) at the frame's `at` and returns
 * their raw 32-bit sum: bpf_csum_diff over whole 4-byte words, in chunks it accepts, then the
 * 1 to 3 bytes left, zero-padded (the payload starts 4-byte aligned in the TCP header). -1: failed.
 */
static __always_inline __s64 write_file_payload(struct xdp_md *ctx, __u32 at, __u64 offset, __u32 file_len, __u32 len)
{
	__u64 pos = offset % file_len;
	__u32 key = pos / FLOWGEN_TCP_PAYLOAD_CHUNK;
	__u32 within = pos & (FLOWGEN_TCP_PAYLOAD_CHUNK - 1);
	__u32 whole = len & ~3u, sum = 0;
	struct tcp_payload_chunk *chunk;
	__u8 tail[4] = {};

	chunk = bpf_map_lookup_elem(&tcp_payload, &key);
	if (!chunk || len == 0 || len > FLOWGEN_TCP_PAYLOAD_RECORD_MAX)
		return -1;
	if (bpf_xdp_store_bytes(ctx, at, chunk->bytes + within, len))
		return -1;
	for (__u32 i = 0; i < FLOWGEN_TCP_PAYLOAD_RECORD_MAX / CSUM_CHUNK; i++) {
		__u64 done = i * CSUM_CHUNK, n;
		__s64 part;

		if (done >= whole)
			break;
		n = whole - done;
		if (n > CSUM_CHUNK)
			n = CSUM_CHUNK;
		/* In assembly, or the compiler drops it: the verifier needs n's bounds (a multiple of 4, at most 512). */
		asm volatile("%0 &= 1020" : "+r"(n));
		part = bpf_csum_diff(0, 0, (void *)(chunk->bytes + within + done), n, 0);
		if (part < 0)
			return -1;
		sum = add32(sum, (__u32)part);
	}
	for (__u32 i = 0; i < 3; i++) {
		__u32 at_tail = (whole + i) & (FLOWGEN_TCP_PAYLOAD_RECORD_MAX - 1);

		if (whole + i < len)
			tail[i] = chunk->bytes[within + at_tail];
	}
	return add32(sum, *(__u32 *)tail);
}

SEC("xdp")
int xdp_tcp_send(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct tcp_flow_key key = {};
	struct outgoing out = {};
	struct tcp_control *control;
	struct tcp_flow *f;
	struct tcphdr *tcp;
	__u32 payload, zero = 0, sum, file_len;
	__u8 *record;
	int stop_new_data, picked;
	__u64 now;

	tcp = parse(data, data_end, &key, 0, &payload);
	if (!tcp || payload < 8)
		return XDP_ABORTED;
	record = (void *)tcp + tcp->doff * 4;
	if ((void *)(record + 8) > data_end || (void *)tcp + TS_OFFSET + 8 > data_end)
		return XDP_ABORTED;
	f = bpf_map_lookup_elem(&tcp_flows, &key);
	control = bpf_map_lookup_elem(&tcp_control, &zero);
	if (!f || !control)
		return XDP_ABORTED;
	stop_new_data = control->stop_new_data;
	file_len = control->payload_len;
	now = bpf_ktime_get_ns();

	bpf_spin_lock(&f->lock);
	picked = pick(f, now, stop_new_data, &out);
	bpf_spin_unlock(&f->lock);
	if (picked)
		return XDP_DROP;

	__u32 seq = bpf_htonl(out.seq), ack = bpf_htonl(out.ack);

	tcp->seq = seq;
	tcp->ack_seq = ack;
	sum = (__u16)~bpf_htons(out.template_check);
	sum = add32(add32(sum, seq), ack);
	if (out.ts_enabled) {
		__u32 tsval = bpf_htonl(out.tsval), tsecr = bpf_htonl(out.tsecr);

		*(__u32 *)((void *)tcp + TS_OFFSET) = tsval;
		*(__u32 *)((void *)tcp + TS_OFFSET + 4) = tsecr;
		sum = add32(add32(sum, tsval), tsecr);
	}
	if (!file_len) {
		__u32 hi = bpf_htonl(out.offset >> 32), lo = bpf_htonl((__u32)out.offset);

		*(__u32 *)record = hi;
		*(__u32 *)(record + 4) = lo;
		tcp->check = (__u16)~fold(add32(add32(sum, hi), lo));
		return bpf_redirect(config.target_ifindex, 0);
	}
	/* The template's payload is zero: its checksum holds none of the file's bytes. The helper
	 * writes the payload, so the checksum goes in by helper too. */
	__u32 check_at = (void *)&tcp->check - data;
	__s64 file_sum = write_file_payload(ctx, record - (__u8 *)data, out.offset, file_len, payload);
	__u16 check;

	if (file_sum < 0)
		return XDP_ABORTED;
	check = (__u16)~fold(add32(sum, (__u32)file_sum));
	if (bpf_xdp_store_bytes(ctx, check_at, &check, sizeof(check)))
		return XDP_ABORTED;
	return bpf_redirect(config.target_ifindex, 0);
}
