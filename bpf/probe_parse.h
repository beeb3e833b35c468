/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * Finding a probe (struct flowgen_probe) in a received frame: Ethernet, at most one 802.1Q or
 * 802.1ad tag (eth_parse.h),
 * IPv4 (any header length, not a fragment) or IPv6 (UDP right after the fixed header), UDP,
 * then the probe at the start of the payload. Shared by the sink, the reflector and the
 * generator's return path.
 */
#ifndef FLOWGEN_PROBE_PARSE_H
#define FLOWGEN_PROBE_PARSE_H

#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>
#include "eth_parse.h"
#include "flowgen.h"

#define PROBE_IP_FRAGMENT_MASK 0x3fff /* more-fragments flag and fragment offset */

/* Test `family`, not the pointers: the verifier can't tell a packet pointer from null. */
struct probe_frame {
	__u32 family;             /* 4: ip4 is set; 6: ip6 is set */
	struct ethhdr *eth;
	struct iphdr *ip4;
	struct ipv6hdr *ip6;
	struct udphdr *udp;
	struct flowgen_probe *probe;
};

/* Returns 1 and fills `f` when the frame carries a whole probe, else 0. */
static __always_inline int parse_probe(void *data, void *data_end, struct probe_frame *f)
{
	void *l3;
	__be16 proto;

	if (!eth_skip_tag(data, data_end, &l3, &proto))
		return 0;
	f->eth = data;
	f->ip4 = 0;
	f->ip6 = 0;
	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = l3;

		if ((void *)(ip + 1) > data_end || ip->protocol != IPPROTO_UDP || ip->ihl < 5 ||
		    (ip->frag_off & bpf_htons(PROBE_IP_FRAGMENT_MASK)))
			return 0;
		f->family = 4;
		f->ip4 = ip;
		f->udp = l3 + ip->ihl * 4;
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = l3;

		if ((void *)(ip6 + 1) > data_end || ip6->nexthdr != IPPROTO_UDP)
			return 0;
		f->family = 6;
		f->ip6 = ip6;
		f->udp = (void *)(ip6 + 1);
	} else {
		return 0;
	}
	if ((void *)(f->udp + 1) > data_end)
		return 0;
	f->probe = (void *)(f->udp + 1);
	if ((void *)(f->probe + 1) > data_end || f->probe->magic != bpf_htonl(FLOWGEN_PROBE_MAGIC))
		return 0;
	return 1;
}

#endif
