/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * Rate control inside the generator program (KERNEL-NOTES: a BPF_PROG_RUN call costs a 28 ms
 * stall, so user space can't pace smoothly). Each CPU follows its own schedule in absolute time:
 * a frame goes once the clock has passed the time the previous frames' cost paid for; until then
 * the iteration is held back (XDP_DROP, counted as paced, never as dropped). A schedule that fell
 * behind (the thread was off the CPU, a call's teardown) catches up, but never faster than
 * PACE_SPEEDUP times the rate, so a pause never turns into a burst; what lags by more than
 * credit_ns is given up.
 */
#ifndef FLOWGEN_PACING_H
#define FLOWGEN_PACING_H

#include "flowgen.h"

/* Written by user space (also while running: POST /v1/rate), read by the generator. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct gen_rate);
} gen_rate SEC(".maps");

/* One schedule per CPU. The generator writes next_ns and frac; user space writes the whole slot
 * (quota, a fresh schedule) only between rounds, when no call runs. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct gen_pacing);
} gen_pacing SEC(".maps");

/* Catching up, frames go at most 3/2 times the rate: any window then carries at most 1.5 times
 * its share (plus one frame). */
#define PACE_SPEEDUP_NUM 3
#define PACE_SPEEDUP_DEN 2

enum pace_verdict {
	PACE_OFF = 0,     /* no rate set: send */
	PACE_SEND = 1,    /* due: send, the schedule has moved on by its cost */
	PACE_HOLD = 2,    /* not due yet, or this CPU's quota is reached: hold it back */
};

/*
 * Whether a frame of `wire_bytes` (FCS included) may go now; if so its cost (1 for a packets/s
 * rate, its wire bytes for bits/s) moves the schedule on. Whether a frame is due never depends on
 * its own size, so pacing does not favour small frames of a mix. `attempted` is this CPU's count
 * of frames sent so far. The program runs with BH disabled, so two threads sharing a CPU never
 * interleave inside this function.
 */
static __always_inline enum pace_verdict pace(__u64 attempted, __u64 wire_bytes)
{
	__u32 key = 0;
	struct gen_rate *rate = bpf_map_lookup_elem(&gen_rate, &key);
	struct gen_pacing *p;
	__u64 step, now, units;

	if (!rate)
		return PACE_OFF;
	step = rate->step; /* one load: a live change is never seen half-written */
	if (!step)
		return PACE_OFF;
	p = bpf_map_lookup_elem(&gen_pacing, &key);
	if (!p || attempted >= p->quota)
		return PACE_HOLD;

	now = bpf_ktime_get_ns();
	if (!p->next_ns)
		p->next_ns = now; /* a fresh schedule starts now, without credit */
	if (p->next_ns > now)
		return PACE_HOLD;
	if (now - p->next_ns > rate->credit_ns) {
		p->next_ns = now - rate->credit_ns;
		p->frac = 0;
	}
	if (p->earliest_ns > now)
		return PACE_HOLD;
	units = (step >> GEN_RATE_STEP_SHIFT) *
		((step & GEN_RATE_PER_BYTE) ? wire_bytes : 1) + p->frac;
	p->earliest_ns = now + (units >> GEN_RATE_FRAC_BITS) * PACE_SPEEDUP_DEN / PACE_SPEEDUP_NUM;
	p->next_ns += units >> GEN_RATE_FRAC_BITS;
	p->frac = units & ((1 << GEN_RATE_FRAC_BITS) - 1);
	return PACE_SEND;
}

#endif
