// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * The lossy wire: one XDP program attached (bpf_link) to two interfaces A and B of one
 * namespace. A frame arriving on A leaves through B and the other way round, unless chance
 * (drop_ppm of the direction) drops it; ARP and neighbour discovery are never dropped unless
 * asked. Two tracepoint programs report what became of the forwarded frames: transmitted,
 * dropped by the target's driver (a full ring, a veth peer without XDP or GRO), or refused
 * by the kernel (redirect errors).
 *
 * Redirects use bpf_redirect(ifindex): the kernel queues them per CPU and flushes them in
 * bulk exactly as it does for a devmap, and user space needs no map updates.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/icmpv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_tracing.h>
#include "flowgen.h"
#include "eth_parse.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

#define ETH_FCS_LEN 4
#define PPM 1000000ULL
#define DIRECTIONS 2
#define NO_DIRECTION DIRECTIONS
#define ND_FIRST_TYPE 133 /* router solicitation */
#define ND_LAST_TYPE 137  /* redirect */

/* Set by user space before load. */
const volatile struct wire_config config = {};

/* Written by xdp_wire and the tracepoints below; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, DIRECTIONS);
	__type(key, __u32);
	__type(value, struct wire_counters);
} wire_counters SEC(".maps");

static __always_inline int is_udp_or_tcp(__u8 protocol)
{
	return protocol == IPPROTO_UDP || protocol == IPPROTO_TCP;
}

static __always_inline int is_neighbour_discovery(struct ipv6hdr *ip6, void *data_end)
{
	struct icmp6hdr *icmp = (void *)(ip6 + 1);

	if (ip6->nexthdr != IPPROTO_ICMPV6)
		return 0;
	/* Too short to tell: spare it. */
	if ((void *)(icmp + 1) > data_end)
		return 1;
	return icmp->icmp6_type >= ND_FIRST_TYPE && icmp->icmp6_type <= ND_LAST_TYPE;
}

/* Whether config.lose lets this frame be dropped (behind one VLAN tag, if any). Frames too short
 * to parse are spared. */
static __always_inline int may_lose(void *data, void *data_end)
{
	void *l3;
	__be16 proto;

	if (config.lose == WIRE_LOSE_ALL)
		return 1;
	if (!eth_skip_tag(data, data_end, &l3, &proto))
		return 0;
	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = l3;

		if ((void *)(ip + 1) > data_end)
			return 0;
		return config.lose == WIRE_LOSE_IP || is_udp_or_tcp(ip->protocol);
	}
	if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = l3;

		if ((void *)(ip6 + 1) > data_end)
			return 0;
		if (config.lose == WIRE_LOSE_UDP_TCP)
			return is_udp_or_tcp(ip6->nexthdr);
		return !is_neighbour_discovery(ip6, data_end);
	}
	return 0;
}

/* True with probability ppm / 10^6. */
static __always_inline int chance(__u32 ppm)
{
	return ppm && (((__u64)bpf_get_prandom_u32() * PPM) >> 32) < ppm;
}

SEC("xdp")
int xdp_wire(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u64 wire_bytes = (data_end - data) + ETH_FCS_LEN;
	__u32 direction, target;
	struct wire_counters *c;

	if (ctx->ingress_ifindex == config.ifindex_a) {
		direction = 0;
		target = config.ifindex_b;
	} else if (ctx->ingress_ifindex == config.ifindex_b) {
		direction = 1;
		target = config.ifindex_a;
	} else {
		return XDP_PASS;
	}
	c = bpf_map_lookup_elem(&wire_counters, &direction);
	if (!c)
		return XDP_ABORTED;
	if (chance(config.drop_ppm[direction & 1]) && may_lose(data, data_end)) {
		c->dropped++;
		c->dropped_bytes += wire_bytes;
		return XDP_DROP;
	}
	c->forwarded++;
	c->forwarded_bytes += wire_bytes;
	c->unflushed++;
	return bpf_redirect(target, 0);
}

struct net_device {
	int ifindex;
} __attribute__((preserve_access_index));

/* The direction of frames from `from` to `to`, or NO_DIRECTION. */
static __always_inline __u32 direction_of(int from, int to)
{
	if (from == config.ifindex_a && to == config.ifindex_b)
		return 0;
	if (from == config.ifindex_b && to == config.ifindex_a)
		return 1;
	return NO_DIRECTION;
}

/*
 * Ifindexes repeat across namespaces, so an event is ours only if this CPU has redirected at
 * least that many frames that no event has reported yet: the kernel flushes (and reports) a
 * CPU's redirects inside the same NAPI poll that ran xdp_wire, before anything else runs there.
 * Under load the figures can fall short (the kernel skips a tracing program that would nest,
 * e.g. a poll run on irq exit while this program handles a generator's event): forwarded and
 * dropped, counted in xdp_wire, are the exact ones.
 */
static __always_inline struct wire_counters *claim(__u32 direction, __u64 frames)
{
	struct wire_counters *c;

	if (direction >= DIRECTIONS)
		return 0;
	c = bpf_map_lookup_elem(&wire_counters, &direction);
	if (!c || c->unflushed < frames)
		return 0;
	c->unflushed -= frames;
	return c;
}

SEC("tp_btf/xdp_devmap_xmit")
int BPF_PROG(tp_wire_xmit, const struct net_device *from_dev, const struct net_device *to_dev,
	     int sent, int drops, int err)
{
	struct wire_counters *c;

	if (sent < 0 || drops < 0)
		return 0;
	c = claim(direction_of(from_dev->ifindex, to_dev->ifindex), (__u64)sent + drops);
	if (!c)
		return 0;
	c->transmitted += sent;
	c->xmit_dropped += drops;
	return 0;
}

/* Arguments after `tgt` changed across kernels; only dev is read. For bpf_redirect the target
 * is the other interface of the pair, so the ingress device tells the direction. */
SEC("tp_btf/xdp_redirect_err")
int BPF_PROG(tp_wire_redirect_err, const struct net_device *dev, const void *xdp, const void *tgt)
{
	int from = dev->ifindex;
	__u32 direction = from == config.ifindex_a ? 0 : from == config.ifindex_b ? 1 : NO_DIRECTION;
	struct wire_counters *c = claim(direction, 1);

	if (c)
		c->redirect_errors++;
	return 0;
}
