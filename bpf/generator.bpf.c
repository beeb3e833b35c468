// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * The live-frames generator. User space runs xdp_gen_udp through BPF_PROG_RUN with
 * BPF_F_TEST_XDP_LIVE_FRAMES; it rewrites what varies and redirects the frame to the target
 * interface. Two tracepoint programs count what became of the redirected frames, keeping
 * only the events raised by this job's process (ifindexes repeat across namespaces).
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_tracing.h>
#include "flowgen.h"
#include "pacing.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

#define ETH_FCS_LEN 4

/* Set by user space before load; the verifier sees its fields as constants. */
const volatile struct gen_config config = { .size_class_count = 1 };

/* Written by xdp_gen_udp and the tracepoints below; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct gen_counters);
} gen_counters SEC(".maps");

/* Written by the xdp_redirect_err tracepoint; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FLOWGEN_ERRNO_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} gen_redirect_errnos SEC(".maps");

/* Frames redirected per size class; written by xdp_gen_udp, read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FLOWGEN_SIZE_CLASSES);
	__type(key, __u32);
	__type(value, __u64);
} gen_size_frames SEC(".maps");

/* Per-CPU position in the job's flows (sequential order); private to xdp_gen_udp. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} gen_flow_cursor SEC(".maps");

/* The next probe sequence number per flow on this CPU; private to xdp_gen_udp. User space sizes
 * it to the job's flow count (at most FLOWGEN_STAMP_MAX_FLOWS) before load. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} gen_probe_seq SEC(".maps");

static __always_inline __u16 csum_fold(__u64 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)((sum & 0xffff) + (sum >> 16));
}

/* The 16-bit words of a value as they lie in the packet (big-endian), summed in host order. */
static __always_inline __u64 words32(__u32 v)
{
	return (v >> 16) + (v & 0xffff);
}

static __always_inline __u64 words64(__u64 v)
{
	return words32(v >> 32) + words32((__u32)v);
}

/* A checksum from its base (computed with the dynamic fields zero) plus what was written there
 * (RFC 1624 eq. 3 with m = 0). Always from the base, never from what the page holds: live-frames
 * pages are recycled with the previous frame's contents. */
static __always_inline __u16 check_from_base(__u16 base, __u64 added)
{
	return ~csum_fold((__u16)~base + added);
}

static __always_inline const volatile struct gen_size_class *pick_size_class(__u32 *index)
{
	__u32 r = config.size_class_count > 1 ? bpf_get_prandom_u32() : 0;

	for (__u32 i = 0; i < FLOWGEN_SIZE_CLASSES - 1; i++) {
		if (i + 1 >= config.size_class_count || r < config.size_classes[i].threshold) {
			*index = i;
			return &config.size_classes[i];
		}
	}
	*index = FLOWGEN_SIZE_CLASSES - 1;
	return &config.size_classes[FLOWGEN_SIZE_CLASSES - 1];
}

static __always_inline __u32 next_flow(void)
{
	__u32 key = 0, *cursor;

	if (config.flow_count <= 1)
		return 0;
	if (config.flow_random)
		return bpf_get_prandom_u32() % config.flow_count;
	cursor = bpf_map_lookup_elem(&gen_flow_cursor, &key);
	if (!cursor)
		return 0;
	__u32 flow = *cursor;
	*cursor = flow + 1 >= config.flow_count ? 0 : flow + 1;
	return flow;
}

/* The value of `range` for one digit of the flow index (destination port varies fastest). */
static __always_inline __u32 range_value(const volatile struct gen_range *range, __u32 *rest)
{
	__u32 count = range->count ? range->count : 1;
	__u32 value = range->first + *rest % count;

	*rest /= count;
	return value;
}

/* Writes the probe (all but its constant fields, which the template holds); returns its word sum. */
static __always_inline __u64 write_probe(struct flowgen_probe *probe, __u32 flow)
{
	__u32 key = flow;
	__u64 *next = bpf_map_lookup_elem(&gen_probe_seq, &key);
	__u64 seq = 0, now = bpf_ktime_get_ns();
	__u16 stream = (__u16)bpf_get_smp_processor_id();

	if (next)
		seq = (*next)++;
	/* The constant fields too: on a veth target the receiver's XDP program works on this very
	 * page, and `flowgen reflect` stamps reflected_ns into it before the pool recycles it. Their
	 * template values are in the checksum base, so writing them changes no sum. */
	probe->magic = bpf_htonl(FLOWGEN_PROBE_MAGIC);
	probe->flags = 0;
	probe->reserved = 0;
	probe->reflected_ns = 0;
	probe->stream = bpf_htons(stream);
	probe->flow = bpf_htonl(flow);
	probe->seq = bpf_cpu_to_be64(seq);
	probe->sent_ns = bpf_cpu_to_be64(now);
	return stream + words32(flow) + words64(seq) + words64(now);
}

/* Writes the template's headers over whatever the recycled page holds, in 8-byte stores: the
 * whole words, then the last 8 bytes (header_len >= 42, so that store stays in the headers). */
static __always_inline int restore_header(void *data, void *data_end)
{
	__u32 len = config.header_len & 0x7f;

	if (len < 8 || data + len > data_end)
		return -1;
#pragma unroll
	for (int i = 0; i < FLOWGEN_HEADER_WORDS; i++) {
		if ((i + 1) * 8 <= len)
			*(__u64 *)(data + i * 8) = config.header_words[i];
	}
	*(__u64 *)(data + len - 8) = config.header_tail;
	return 0;
}

/*
 * Gives the frame its size, flow and probe: cuts it to a size class, restores the template's
 * headers when the job asks, then writes the lengths, addresses, ports and probe as absolute
 * values and the checksums from the class's bases.
 * Returns 0, or -1 when the frame can't be written (the program then aborts).
 */
static __always_inline int rewrite_frame(struct xdp_md *ctx, const volatile struct gen_size_class *size)
{
	int length = ctx->data_end - ctx->data;

	if (size->frame_len < length && bpf_xdp_adjust_tail(ctx, size->frame_len - length))
		return -1;

	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u8 *ip = data + (config.ip_offset & 0xff);
	struct udphdr *udp = data + (config.udp_offset & 0xff);
	struct flowgen_probe *probe = (void *)(udp + 1);

	if ((void *)(udp + 1) > data_end)
		return -1;
	if (config.header_len && restore_header(data, data_end) < 0)
		return -1;
	if (config.stamp && (void *)(probe + 1) > data_end)
		return -1;

	__u32 flow = next_flow();
	__u32 rest = flow;
	__u16 dst_port = range_value(&config.dst_port, &rest);
	__u16 src_port = range_value(&config.src_port, &rest);
	__u32 dst_addr = range_value(&config.dst_addr, &rest);
	__u32 src_addr = range_value(&config.src_addr, &rest);
	__u64 addresses = words32(src_addr) + words32(dst_addr);
	__u64 udp_sum = addresses + src_port + dst_port;

	if (config.ipv6) {
		if (ip + 40 > (__u8 *)data_end)
			return -1;
		*(__be16 *)(ip + 4) = bpf_htons(size->ip_len);
		*(__be32 *)(ip + 20) = bpf_htonl(src_addr);
		*(__be32 *)(ip + 36) = bpf_htonl(dst_addr);
	} else {
		if (ip + 20 > (__u8 *)data_end)
			return -1;
		*(__be16 *)(ip + 2) = bpf_htons(size->ip_len);
		*(__be32 *)(ip + 12) = bpf_htonl(src_addr);
		*(__be32 *)(ip + 16) = bpf_htonl(dst_addr);
		*(__be16 *)(ip + 10) = bpf_htons(check_from_base(size->ip_check_base, addresses));
	}
	udp->source = bpf_htons(src_port);
	udp->dest = bpf_htons(dst_port);
	udp->len = bpf_htons(size->udp_len);
	if (config.stamp)
		udp_sum += write_probe(probe, flow);
	__u16 check = check_from_base(size->udp_check_base, udp_sum);
	udp->check = bpf_htons(check ? check : 0xffff); /* 0 means "no checksum" in UDP: send its other form */
	return 0;
}

SEC("xdp")
int xdp_gen_udp(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct gen_counters *c = bpf_map_lookup_elem(&gen_counters, &key);

	if (!c)
		return XDP_ABORTED;
	/* The size is chosen first: with a bits/s rate, pacing charges the frame's wire bytes. */
	__u32 class_index = 0;
	const volatile struct gen_size_class *size = pick_size_class(&class_index);
	__u64 frame_len = config.rewrite ? size->frame_len : ctx->data_end - ctx->data;
	if (pace(c->attempted, frame_len + ETH_FCS_LEN) == PACE_HOLD) {
		c->paced++;
		return XDP_DROP;
	}
	if (config.rewrite) {
		if (rewrite_frame(ctx, size) < 0)
			return XDP_ABORTED;
		if (config.size_class_count > 1) {
			/* One size needs no count: user space then charges every frame to it. */
			__u64 *frames = bpf_map_lookup_elem(&gen_size_frames, &class_index);
			if (frames)
				(*frames)++;
		}
	}
	c->attempted++;
	return bpf_redirect(config.target_ifindex, 0);
}

/* The method's ceiling for benchmarks: redirect, nothing else. */
SEC("xdp")
int xdp_redirect_bare(struct xdp_md *ctx)
{
	return bpf_redirect(config.target_ifindex, 0);
}

/* Used by the kernel feature check: a live-frames run that sends nothing. */
SEC("xdp")
int xdp_drop_all(struct xdp_md *ctx)
{
	return XDP_DROP;
}

static __always_inline int is_this_job(void)
{
	return (bpf_get_current_pid_tgid() >> 32) == config.job_tgid;
}

struct net_device {
	int ifindex;
} __attribute__((preserve_access_index));

SEC("tp_btf/xdp_devmap_xmit")
int BPF_PROG(tp_devmap_xmit, const struct net_device *from_dev, const struct net_device *to_dev,
	     int sent, int drops, int err)
{
	__u32 key = 0;
	struct gen_counters *c;

	if (!is_this_job() || to_dev->ifindex != config.target_ifindex)
		return 0;
	c = bpf_map_lookup_elem(&gen_counters, &key);
	if (!c)
		return 0;
	c->sent += sent;
	c->dropped += drops;
	if (err)
		c->xmit_error_flushes++;
	return 0;
}

/* Arguments after `err` changed across kernels; only the first four are read. */
SEC("tp_btf/xdp_redirect_err")
int BPF_PROG(tp_redirect_err, const struct net_device *dev, const void *xdp, const void *tgt,
	     int err)
{
	__u32 key = 0;
	struct gen_counters *c;
	__u64 *by_errno;
	__u32 slot;

	if (!is_this_job())
		return 0;
	c = bpf_map_lookup_elem(&gen_counters, &key);
	if (!c)
		return 0;
	c->redirect_errors++;
	slot = err < 0 ? -err : err;
	if (slot >= FLOWGEN_ERRNO_SLOTS)
		slot = FLOWGEN_ERRNO_SLOTS - 1;
	by_errno = bpf_map_lookup_elem(&gen_redirect_errnos, &slot);
	if (by_errno)
		(*by_errno)++;
	return 0;
}
