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

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* Set by user space before load; the verifier sees its fields as constants. */
const volatile struct gen_config config = { .dst_port_count = 1 };

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

/* Per-CPU position in the destination port range; private to xdp_gen_udp. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} gen_port_cursor SEC(".maps");

static __always_inline __u16 csum_fold(__u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)sum;
}

/*
 * The checksum for destination port `port`, from the template's checksum (RFC 1624 eq. 3):
 * HC' = ~(~HC + ~m + m'). Always from the template's base, never from what the page holds:
 * live-frames pages are recycled with the previous frame's contents.
 */
static __always_inline __u16 udp_check_for_port(__u16 port)
{
	__u32 sum = (__u16)~config.template_udp_check;
	sum += (__u16)~config.dst_port_first;
	sum += port;
	__u16 check = ~csum_fold(sum);
	return check ? check : 0xffff; /* 0 means "no checksum" in UDP: send its other form */
}

static __always_inline int rewrite_dst_port(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct udphdr *udp = data + (config.udp_offset & 0xff);
	__u32 key = 0;

	if ((void *)(udp + 1) > data_end)
		return -1;
	__u32 *cursor = bpf_map_lookup_elem(&gen_port_cursor, &key);
	if (!cursor)
		return -1;
	__u16 port = config.dst_port_first + *cursor;
	*cursor = *cursor + 1 >= config.dst_port_count ? 0 : *cursor + 1;
	udp->dest = bpf_htons(port);
	udp->check = bpf_htons(udp_check_for_port(port));
	return 0;
}

SEC("xdp")
int xdp_gen_udp(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct gen_counters *c = bpf_map_lookup_elem(&gen_counters, &key);

	if (!c)
		return XDP_ABORTED;
	if (config.dst_port_count > 1 && rewrite_dst_port(ctx))
		return XDP_ABORTED;
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
