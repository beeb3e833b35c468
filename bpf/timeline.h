/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * The sink's arrival timeline (`flowgen sink --timeline BIN`): test frames counted into time bins
 * from an origin, to show how smooth a stream is at the receiver.
 */
#ifndef FLOWGEN_TIMELINE_H
#define FLOWGEN_TIMELINE_H

#include "flowgen.h"

/* Written by user space before attach; read by the sink. bin_ns 0: no timeline. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sink_timeline_config);
} sink_timeline_config SEC(".maps");

/* Written by the sink; read by user space: frames that arrived in bin k. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FLOWGEN_TIMELINE_BINS);
	__type(key, __u32);
	__type(value, __u64);
} sink_timeline SEC(".maps");

static __always_inline void timeline_count(void)
{
	__u32 key = 0;
	struct sink_timeline_config *config = bpf_map_lookup_elem(&sink_timeline_config, &key);
	__u64 now, bin;
	__u64 *count;

	if (!config || !config->bin_ns)
		return;
	now = bpf_ktime_get_ns();
	if (now < config->origin_ns)
		return;
	bin = (now - config->origin_ns) / config->bin_ns;
	if (bin >= FLOWGEN_TIMELINE_BINS)
		bin = FLOWGEN_TIMELINE_BINS - 1; /* the last bin collects everything later */
	key = bin;
	count = bpf_map_lookup_elem(&sink_timeline, &key);
	if (count)
		(*count)++;
}

#endif
