/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* Incremental checksum updates (RFC 1624) for a field of a received packet. */
#ifndef FLOWGEN_PROBE_CHECKSUM_H
#define FLOWGEN_PROBE_CHECKSUM_H

static __always_inline __u16 csum_fold32(__u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)sum;
}

/* The 16-bit one's complement sum of a u64 as it lies in memory (four 16-bit words). */
static __always_inline __u32 csum_words64(__u64 v)
{
	return (__u32)(v & 0xffff) + (__u32)((v >> 16) & 0xffff) + (__u32)((v >> 32) & 0xffff) + (__u32)(v >> 48);
}

/* The checksum `check` (as stored) after a 64-bit field at an even offset changed from `from`
 * to `to` (both as stored): HC' = ~(~HC + ~m + m'), word by word. */
static __always_inline __u16 csum_replace64(__u16 check, __u64 from, __u64 to)
{
	__u32 sum = (__u16)~check;

	sum += 4 * 0xffff - csum_words64(from);
	sum += csum_words64(to);
	return ~csum_fold32(sum);
}

#endif
