// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * The generator's return path for latency: attached to the generator's own interface with a
 * bpf_link, it catches probes that `flowgen reflect` turned back (reflected_ns set), takes
 * rtt = now - sent_ns (one machine's CLOCK_MONOTONIC at both ends), puts it in a log-linear
 * histogram, keeps the first raw samples, and drops the probe. Everything else passes.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "flowgen.h"
#include "probe_parse.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* Written by xdp_latency; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct latency_totals);
} latency_totals SEC(".maps");

/* Count per bucket (see FLOWGEN_LATENCY_SUB_BITS); written by xdp_latency; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FLOWGEN_LATENCY_BUCKETS);
	__type(key, __u32);
	__type(value, __u64);
} latency_histogram SEC(".maps");

/* The first raw samples, in arrival order; written by xdp_latency; read by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, FLOWGEN_LATENCY_MAX_SAMPLES);
	__type(key, __u32);
	__type(value, struct latency_sample);
} latency_samples SEC(".maps");

/* Entry 0: how many samples were offered to latency_samples (it keeps the first MAX). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} latency_sample_count SEC(".maps");

/* The index of the highest set bit (v > 0). */
static __always_inline __u32 log2_u64(__u64 v)
{
	__u32 r = 0;

	if (v >> 32) { v >>= 32; r += 32; }
	if (v >> 16) { v >>= 16; r += 16; }
	if (v >> 8) { v >>= 8; r += 8; }
	if (v >> 4) { v >>= 4; r += 4; }
	if (v >> 2) { v >>= 2; r += 2; }
	if (v >> 1) { r += 1; }
	return r;
}

static __always_inline __u32 latency_bucket(__u64 ns)
{
	if (ns < FLOWGEN_LATENCY_SUB_BUCKETS)
		return ns;
	__u32 e = log2_u64(ns);

	if (e > FLOWGEN_LATENCY_MAX_EXPONENT)
		return FLOWGEN_LATENCY_BUCKETS - 1;
	__u32 shift = e - FLOWGEN_LATENCY_SUB_BITS;
	__u32 sub = (ns >> shift) & (FLOWGEN_LATENCY_SUB_BUCKETS - 1);
	return FLOWGEN_LATENCY_SUB_BUCKETS * (shift + 1) + sub;
}

static __always_inline void keep_sample(struct probe_frame *f, __u64 sent, __u64 reflected, __u64 returned)
{
	__u32 zero = 0;
	__u64 *count = bpf_map_lookup_elem(&latency_sample_count, &zero);

	if (!count)
		return;
	__u64 index = __sync_fetch_and_add(count, 1);
	if (index >= FLOWGEN_LATENCY_MAX_SAMPLES)
		return;
	__u32 slot = index;
	struct latency_sample *s = bpf_map_lookup_elem(&latency_samples, &slot);

	if (!s)
		return;
	s->sent_ns = sent;
	s->reflected_ns = reflected;
	s->returned_ns = returned;
	s->seq = bpf_be64_to_cpu(f->probe->seq);
	s->stream = bpf_ntohs(f->probe->stream);
	s->flow = bpf_ntohl(f->probe->flow);
}

SEC("xdp")
int xdp_latency(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u64 returned = bpf_ktime_get_ns();
	__u32 key = 0;
	struct latency_totals *t = bpf_map_lookup_elem(&latency_totals, &key);
	struct probe_frame f;

	if (!t)
		return XDP_PASS;
	if (!parse_probe(data, data_end, &f) || !f.probe->reflected_ns) {
		t->passed++;
		return XDP_PASS;
	}
	__u64 sent = bpf_be64_to_cpu(f.probe->sent_ns);
	__u64 reflected = bpf_be64_to_cpu(f.probe->reflected_ns);

	keep_sample(&f, sent, reflected, returned);
	if (sent > reflected || reflected > returned) {
		t->out_of_order++;
		return XDP_DROP;
	}
	__u64 rtt = returned - sent;
	__u32 bucket = latency_bucket(rtt);
	__u64 *n = bpf_map_lookup_elem(&latency_histogram, &bucket);

	if (n)
		(*n)++;
	t->samples++;
	t->sum_ns += rtt;
	if (!t->min_ns || rtt < t->min_ns)
		t->min_ns = rtt;
	if (rtt > t->max_ns)
		t->max_ns = rtt;
	return XDP_DROP;
}
