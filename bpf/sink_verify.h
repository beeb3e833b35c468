/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * sink --verify: per (stream, flow), which sequence numbers arrived. Included by sink.bpf.c.
 */
#ifndef FLOWGEN_SINK_VERIFY_H
#define FLOWGEN_SINK_VERIFY_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "flowgen.h"
#include "probe_parse.h"

/* Written by the sink (under each value's lock); read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, FLOWGEN_VERIFY_MAX_FLOWS);
	__type(key, struct verify_key);
	__type(value, struct verify_flow);
} verify_flows SEC(".maps");

/* A new sequence's first value, built here because it does not fit the BPF stack. Private to
 * the sink: only the addresses are ever written, so the rest stays zero. Typed as bytes because
 * a per-CPU map may not hold a bpf_spin_lock. */
struct verify_flow_bytes {
	__u8 bytes[sizeof(struct verify_flow)];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct verify_flow_bytes);
} verify_fresh SEC(".maps");

/* Counted by the sink when verify_flows is full (probes of a flow beyond the limit). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} verify_untracked SEC(".maps");

static __always_inline void verify_remember_addresses(struct verify_flow *v, struct probe_frame *f)
{
	if (f->family == 4) {
		v->family = 4;
		__builtin_memcpy(v->src, &f->ip4->saddr, 4);
		__builtin_memcpy(v->dst, &f->ip4->daddr, 4);
	} else {
		v->family = 6;
		__builtin_memcpy(v->src, &f->ip6->saddr, 16);
		__builtin_memcpy(v->dst, &f->ip6->daddr, 16);
	}
	v->src_port = f->udp->source;
	v->dst_port = f->udp->dest;
}

static __always_inline struct verify_flow *verify_flow_of(struct probe_frame *f)
{
	struct verify_key key = {
		.stream = bpf_ntohs(f->probe->stream),
		.flow = bpf_ntohl(f->probe->flow),
	};
	struct verify_flow *v = bpf_map_lookup_elem(&verify_flows, &key);

	if (v)
		return v;
	/* A new sequence: nothing seen, next_seq 0, and this probe's addresses. */
	__u32 zero = 0;
	struct verify_flow *fresh = (struct verify_flow *)bpf_map_lookup_elem(&verify_fresh, &zero);

	if (!fresh)
		return 0;
	verify_remember_addresses(fresh, f);
	bpf_map_update_elem(&verify_flows, &key, fresh, BPF_NOEXIST);
	return bpf_map_lookup_elem(&verify_flows, &key);
}

/* Seq moves the window forward: the words entered after the last received seq's word are
 * cleared first. The bits above the last received seq in its own word are clear already,
 * because a word is cleared when it is entered. */
static __always_inline void verify_advance(struct verify_flow *v, __u64 seq)
{
	__u64 from_word = (v->next_seq - 1) / 64;
	__u64 words = seq / 64 - from_word;

	if (v->next_seq == 0)
		words = FLOWGEN_VERIFY_WINDOW_WORDS; /* nothing received yet */
	if (words >= FLOWGEN_VERIFY_WINDOW_WORDS) {
		for (__u32 i = 0; i < FLOWGEN_VERIFY_WINDOW_WORDS; i++)
			v->seen[i] = 0;
	} else {
		for (__u32 i = 1; i < FLOWGEN_VERIFY_WINDOW_WORDS; i++) {
			if (i > words)
				break;
			v->seen[(from_word + i) % FLOWGEN_VERIFY_WINDOW_WORDS] = 0;
		}
	}
	v->lost += seq - v->next_seq;
	v->next_seq = seq + 1;
	v->received++;
}

static __always_inline void verify_probe(struct probe_frame *f)
{
	__u64 seq = bpf_be64_to_cpu(f->probe->seq);
	struct verify_flow *v = verify_flow_of(f);

	if (!v) {
		__u32 key = 0;
		__u64 *untracked = bpf_map_lookup_elem(&verify_untracked, &key);

		if (untracked)
			(*untracked)++;
		return;
	}
	__u32 word = (seq / 64) % FLOWGEN_VERIFY_WINDOW_WORDS;
	__u64 bit = 1ULL << (seq % 64);

	bpf_spin_lock(&v->lock);
	if (seq >= v->next_seq) {
		verify_advance(v, seq);
		v->seen[word] |= bit;
	} else if (v->next_seq - seq > FLOWGEN_VERIFY_WINDOW - 64) {
		/* Its word may already hold newer seqs: too old to tell. */
		v->stale++;
	} else if (v->seen[word] & bit) {
		v->duplicates++;
	} else {
		v->seen[word] |= bit;
		v->lost--;
		v->reordered++;
		v->received++;
	}
	bpf_spin_unlock(&v->lock);
}

#endif
