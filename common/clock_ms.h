/* clock_ms.h - milliseconds of the monotonic clock, for deadlines and waits (a wall
 * clock set back or forward moves none of them). client/remote.c keeps its own on
 * CLOCK_BOOTTIME: a laptop that slept must find its reconnect deadlines passed. */
#ifndef TMX_CLOCK_MS_H
#define TMX_CLOCK_MS_H

#include <stdint.h>
#include <time.h>

static inline int64_t clock_monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

#endif
