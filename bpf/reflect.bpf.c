// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * flowgen reflect: attached to an interface with a bpf_link, it sends each probe (struct
 * flowgen_probe) back the way it came: MACs, IP addresses and UDP ports swapped, reflected_ns
 * set to bpf_ktime_get_ns(), the UDP checksum updated for that field (swaps leave every checksum
 * as it was), then XDP_TX. A probe that was reflected already (reflected_ns set) and everything
 * else pass to the stack, so two reflectors can't play ping-pong.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "flowgen.h"
#include "probe_parse.h"
#include "probe_checksum.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* Written by xdp_reflect; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct reflect_counters);
} reflect_counters SEC(".maps");

static __always_inline void swap_bytes(__u8 *a, __u8 *b, int n)
{
	for (int i = 0; i < n; i++) {
		__u8 t = a[i];
		a[i] = b[i];
		b[i] = t;
	}
}

SEC("xdp")
int xdp_reflect(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 key = 0;
	struct reflect_counters *c = bpf_map_lookup_elem(&reflect_counters, &key);
	struct probe_frame f;

	if (!c)
		return XDP_PASS;
	if (!parse_probe(data, data_end, &f) || f.probe->reflected_ns) {
		c->passed++;
		return XDP_PASS;
	}
	swap_bytes(f.eth->h_dest, f.eth->h_source, ETH_ALEN);
	if (f.family == 4)
		swap_bytes((__u8 *)&f.ip4->saddr, (__u8 *)&f.ip4->daddr, 4);
	else
		swap_bytes((__u8 *)&f.ip6->saddr, (__u8 *)&f.ip6->daddr, 16);
	__be16 port = f.udp->source;
	f.udp->source = f.udp->dest;
	f.udp->dest = port;

	__u64 now = bpf_cpu_to_be64(bpf_ktime_get_ns());
	/* IPv4 UDP may carry no checksum (0): then there is nothing to update. */
	if (f.udp->check) {
		__u16 check = csum_replace64(f.udp->check, 0, now);
		f.udp->check = check ? check : 0xffff;
	}
	f.probe->reflected_ns = now;
	c->reflected++;
	return XDP_TX;
}
