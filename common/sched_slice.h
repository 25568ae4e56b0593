/* sched_slice.h - the calling thread's scheduler slice (Linux 6.12+ honours sched_attr's
 * runtime for SCHED_OTHER: a task that asks for a short slice preempts longer-slice work
 * when it wakes, without a larger share of the CPU and without privilege). */
#ifndef TMX_SCHED_SLICE_H
#define TMX_SCHED_SLICE_H

#include <stdbool.h>
#include <stdint.h>

/* The calling thread's scheduling policy and slice, as sched_getattr gives them. */
struct sched_slice {
    uint32_t policy;   /* 0: SCHED_OTHER */
    uint64_t flags;    /* SCHED_FLAG_* */
    uint64_t runtime;  /* the slice asked for, in ns (0: the kernel's default) */
    uint8_t raw[48];   /* the whole sched_attr, to put back as it was */
};

#define SCHED_SLICE_RESET_ON_FORK 0x01u

/* Read the calling thread's attributes. False where the system has no sched_getattr. */
bool sched_slice_get(struct sched_slice *out);

/* Ask for runtime_ns as the calling thread's slice, keeping its policy and nice value;
 * flags as SCHED_SLICE_RESET_ON_FORK. False (errno set) when the kernel refuses. */
bool sched_slice_set(const struct sched_slice *current, uint64_t runtime_ns, uint64_t flags);

/* Put back attributes read by sched_slice_get. */
bool sched_slice_restore(const struct sched_slice *saved);

#endif
