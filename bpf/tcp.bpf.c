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
 *                1. a retransmission that is due: a hole below the highest SACKed segment in
 *                   fast recovery (each once per recovery), or, after a timeout, every segment
 *                   from snd_una that was not SACKed;
 *                2. a new segment, if it fits min(cwnd, peer window) above snd_una;
 *              or else drops the frame and counts an idle iteration.
 * Loss detection: three duplicate ACKs start fast recovery (NewReno-style cwnd halving, SACK
 * scoreboard for the holes, partial ACKs resend the next hole); an RTO (doubled per expiry,
 * reset by progress) starts over from snd_una with cwnd 1. No go-back-N on a duplicate ACK.
 * The end: user space stops the sender once `end` is acknowledged, then sends a FIN itself;
 * the ingress program records its ACK (TCP_FLOW_FIN_ACKED) and the peer's FIN.
 *
 * Dynamic fields (seq, ack, TSval, TSecr, the record's 8-byte offset) are written as absolute
 * values and the checksum is the template's (computed with those fields zero) plus their sum:
 * live-frames pages are recycled with the previous contents, so nothing is read from the page.
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
	f->retx_next = una_seg;
	f->retx_end = f->sack_high > una_seg + 1 ? f->sack_high : una_seg + 1;
}

/* The cumulative ACK moved forward by `acked` bytes. */
static __always_inline void on_progress(struct tcp_flow *f, __u64 acked, __u64 now)
{
	__u32 segments = acked / f->mss;

	f->snd_una += acked;
	f->dupacks = 0;
	f->rto_ns = f->rto_initial_ns;
	f->rto_start_ns = now;
	if (f->flags & (TCP_FLOW_FAST_RECOVERY | TCP_FLOW_RTO_RECOVERY)) {
		if (f->snd_una >= f->recover) {
			if (f->flags & TCP_FLOW_FAST_RECOVERY)
				f->cwnd = f->ssthresh;
			f->flags &= ~(TCP_FLOW_FAST_RECOVERY | TCP_FLOW_RTO_RECOVERY);
		} else {
			/* A partial ACK: the next hole is lost too (NewReno). */
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

static __always_inline void on_ack(struct tcp_flow *f, struct segment *s, __u64 now)
{
	__u32 una_seq = f->iss + (__u32)f->snd_una;
	__u32 delta = s->ack - una_seq;
	__u64 outstanding = f->snd_nxt - f->snd_una;
	__u64 window = (__u64)s->window_raw << (f->snd_wscale & 15);
	int window_changed = s->window_raw != f->peer_window_raw;

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
	/* A receiver's window changes on most ACKs as its application reads: an ACK that carries
	 * SACK blocks is a duplicate whatever its window says. */
	if (delta || !outstanding || s->payload || s->syn || s->fin || (window_changed && !s->sack_count))
		return;
	f->dupacks++;
	if (f->flags & TCP_FLOW_FAST_RECOVERY) {
		if (f->retx_end < f->sack_high)
			f->retx_end = f->sack_high;
	} else if (!(f->flags & TCP_FLOW_RTO_RECOVERY) &&
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

/* Picks the segment to send (see the header comment). Returns 0 to send `out`, -1 when idle. */
static __always_inline int pick(struct tcp_flow *f, __u64 now, int stop_new_data, struct outgoing *out)
{
	__u64 mss = f->mss;
	__u64 outstanding, segment, limit;
	int found = 0;

	if (f->state != TCP_FLOW_RUNNING || (f->flags & (TCP_FLOW_PEER_FIN | TCP_FLOW_PEER_RST)) || !mss)
		return -1;
	if (stop_new_data && f->end > f->snd_nxt)
		f->end = f->snd_nxt;
	outstanding = f->snd_nxt - f->snd_una;
	/* now was read before the lock: the ingress program may have restarted the timer later. */
	if (outstanding && (__s64)(now - f->rto_start_ns) >= (__s64)f->rto_ns) {
		__u32 flight = outstanding / mss;

		f->timeouts++;
		f->flags = (f->flags & ~TCP_FLOW_FAST_RECOVERY) | TCP_FLOW_RTO_RECOVERY;
		f->recover = f->snd_nxt;
		f->ssthresh = flight / 2 > MIN_SSTHRESH ? flight / 2 : MIN_SSTHRESH;
		f->cwnd = 1;
		f->cwnd_acked = 0;
		f->dupacks = 0;
		f->retx_next = f->snd_una / mss;
		f->retx_end = f->snd_nxt / mss;
		f->rto_ns = f->rto_ns * 2 < f->rto_max_ns ? f->rto_ns * 2 : f->rto_max_ns;
		f->rto_start_ns = now;
	}
	for (int i = 0; i < RETX_SCAN_MAX; i++) {
		if (f->retx_next >= f->retx_end)
			break;
		segment = f->retx_next++;
		if (segment * mss < f->snd_una || is_sacked(f, segment))
			continue;
		f->segments_resent++;
		found = 1;
		break;
	}
	if (!found) {
		limit = (__u64)f->cwnd * mss;
		if (limit > f->peer_window)
			limit = f->peer_window;
		if (f->snd_nxt >= f->end || f->snd_nxt + mss > f->snd_una + limit) {
			f->idle++;
			return -1;
		}
		segment = f->snd_nxt / mss;
		clear_sacked(f, segment);
		if (!outstanding)
			f->rto_start_ns = now;
		f->snd_nxt += mss;
		f->segments_sent++;
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
	__u32 payload, zero = 0, sum;
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
	now = bpf_ktime_get_ns();

	bpf_spin_lock(&f->lock);
	picked = pick(f, now, stop_new_data, &out);
	bpf_spin_unlock(&f->lock);
	if (picked)
		return XDP_DROP;

	__u32 seq = bpf_htonl(out.seq), ack = bpf_htonl(out.ack);
	__u32 hi = bpf_htonl(out.offset >> 32), lo = bpf_htonl((__u32)out.offset);

	tcp->seq = seq;
	tcp->ack_seq = ack;
	*(__u32 *)record = hi;
	*(__u32 *)(record + 4) = lo;
	sum = (__u16)~bpf_htons(out.template_check);
	sum = add32(add32(add32(add32(sum, seq), ack), hi), lo);
	if (out.ts_enabled) {
		__u32 tsval = bpf_htonl(out.tsval), tsecr = bpf_htonl(out.tsecr);

		*(__u32 *)((void *)tcp + TS_OFFSET) = tsval;
		*(__u32 *)((void *)tcp + TS_OFFSET + 4) = tsecr;
		sum = add32(add32(sum, tsval), tsecr);
	}
	tcp->check = (__u16)~fold(sum);
	return bpf_redirect(config.target_ifindex, 0);
}
