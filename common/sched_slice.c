/* sched_slice.c - the scheduler slice of the calling thread (see sched_slice.h), through
 * the raw sched_getattr/sched_setattr system calls (glibc 2.36 wraps neither). */
#include "sched_slice.h"

#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The kernel's struct sched_attr (sched_setattr(2)) in its first version, 48 bytes
 * (SCHED_ATTR_SIZE_VER0; later versions add utilisation clamps after the period). */
struct kernel_sched_attr {
    uint32_t size, policy;
    uint64_t flags;
    int32_t nice;
    uint32_t priority;
    uint64_t runtime, deadline, period;
};

_Static_assert(sizeof(struct kernel_sched_attr) == 48, "sched_attr version 0 is 48 bytes");

bool sched_slice_get(struct sched_slice *out)
{
    memset(out, 0, sizeof *out);
#if defined(SYS_sched_getattr)
    struct kernel_sched_attr attr;
    memset(&attr, 0, sizeof attr);
    if (syscall(SYS_sched_getattr, 0, &attr, (unsigned)sizeof attr, 0) != 0)
        return false;
    out->policy = attr.policy;
    out->flags = attr.flags;
    out->runtime = attr.runtime;
    memcpy(out->raw, &attr, sizeof attr);
    return true;
#else
    errno = ENOSYS;
    return false;
#endif
}

bool sched_slice_set(const struct sched_slice *current, uint64_t runtime_ns, uint64_t flags)
{
#if defined(SYS_sched_setattr)
    struct kernel_sched_attr attr;
    memcpy(&attr, current->raw, sizeof attr);
    attr.size = sizeof attr;
    attr.flags = flags;
    attr.runtime = runtime_ns;
    return syscall(SYS_sched_setattr, 0, &attr, 0) == 0;
#else
    (void)current, (void)runtime_ns, (void)flags;
    errno = ENOSYS;
    return false;
#endif
}

bool sched_slice_restore(const struct sched_slice *saved)
{
#if defined(SYS_sched_setattr)
    struct kernel_sched_attr attr;
    memcpy(&attr, saved->raw, sizeof attr);
    attr.size = sizeof attr;
    return syscall(SYS_sched_setattr, 0, &attr, 0) == 0;
#else
    (void)saved;
    errno = ENOSYS;
    return false;
#endif
}
