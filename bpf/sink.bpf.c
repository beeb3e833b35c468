// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * The counting sink, attached to the receiving interface with a bpf_link. It counts test
 * traffic (IPv4 and IPv6 UDP, untagged or behind one VLAN tag) and drops it, or passes it when asked; everything else
 * (ARP, neighbour discovery, the host's own traffic) goes to the stack untouched. With verify
 * set it also checks the sequence numbers of probes (bpf/sink_verify.h).
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "eth_parse.h"
#include "flowgen.h"
#include "sink_verify.h"
#include "timeline.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

#define ETH_FCS_LEN 4

const volatile struct sink_config config = {};

/* Written by xdp_sink; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sink_counters);
} sink_counters SEC(".maps");

static __always_inline int is_udp(void *data, void *data_end)
{
	void *l3;
	__be16 proto;

	if (!eth_skip_tag(data, data_end, &l3, &proto))
		return 0;
	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = l3;
		return (void *)(ip + 1) <= data_end && ip->protocol == IPPROTO_UDP;
	}
	if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = l3;
		return (void *)(ip6 + 1) <= data_end && ip6->nexthdr == IPPROTO_UDP;
	}
	return 0;
}

SEC("xdp")
int xdp_sink(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 key = 0;
	struct sink_counters *c = bpf_map_lookup_elem(&sink_counters, &key);

	if (!c)
		return XDP_PASS;
	if (!is_udp(data, data_end)) {
		c->other++;
		return XDP_PASS;
	}
	c->packets++;
	c->wire_bytes += (data_end - data) + ETH_FCS_LEN;
	if (config.verify) {
		struct probe_frame f;

		if (parse_probe(data, data_end, &f))
			verify_probe(&f);
	}
	timeline_count();
	return config.pass_test_traffic ? XDP_PASS : XDP_DROP;
}
