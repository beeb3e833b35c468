/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * The Ethernet header of a received frame: its EtherType and where the network header starts,
 * behind at most one 802.1Q (0x8100) or 802.1ad (0x88a8) tag. Shared by every receiver (sink,
 * reflector, the generator's return path): without an 8021q device the XDP program sees a tagged
 * frame raw, tag and all.
 */
#ifndef FLOWGEN_ETH_PARSE_H
#define FLOWGEN_ETH_PARSE_H

#include <linux/if_ether.h>
#include <bpf/bpf_endian.h>

struct eth_vlan_tag {
	__be16 tci;
	__be16 proto;
};

/* Returns 1 and sets *l3 and *proto (the EtherType behind the tag, if any), or 0 when the frame
 * is too short for its Ethernet header and tag. */
static __always_inline int eth_skip_tag(void *data, void *data_end, void **l3, __be16 *proto)
{
	struct ethhdr *eth = data;
	void *next;

	if ((void *)(eth + 1) > data_end)
		return 0;
	*proto = eth->h_proto;
	next = eth + 1;
	if (*proto == bpf_htons(ETH_P_8021Q) || *proto == bpf_htons(ETH_P_8021AD)) {
		struct eth_vlan_tag *tag = next;

		if ((void *)(tag + 1) > data_end)
			return 0;
		*proto = tag->proto;
		next = tag + 1;
	}
	*l3 = next;
	return 1;
}

#endif
