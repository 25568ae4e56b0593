/* tap.h - a bounded, non-blocking sink for one consumer of a pane's output: the
 * pipe-pane command, a log file, a FIFO. The pane never waits for a tap. What the
 * consumer does not take at once waits in the tap's buffer, at most TAP_BUFFER_MAX
 * bytes; a write that does not fit is dropped (the tail of it that was not written) and
 * counted, and the tap says so once; dropping goes on until the consumer has drained the
 * buffer to TAP_RESUME bytes, and the tap says that too. Only that tap loses output:
 * the pane, its other tap and every other pane go on. */
#ifndef TMX_TAP_H
#define TMX_TAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct event_base;
struct tap;

/* Unsent bytes a tap holds at most, and the level it must drain to before it takes
 * output again after dropping. */
#define TAP_BUFFER_MAX (16u << 20)
#define TAP_RESUME (TAP_BUFFER_MAX / 4)

/* What the owner of a tap hears. 'arg' is the one given to tap_create. */
struct tap_ops {
    /* Dropping started (dropping true) or ended; 'dropped' counts every byte dropped
     * so far. Called from tap_write or from the loop; must not free the tap. */
    void (*dropping)(void *arg, bool dropping, uint64_t dropped);
    /* Writing failed with errno 'error' (EPIPE: the consumer went away; ENOSPC: disk
     * full...): the tap takes nothing more. The owner may free the tap in this call,
     * and does not use it after. */
    void (*failed)(void *arg, int error);
};

/* A tap writing to fd (non-blocking, or a regular file), in loop base. The tap owns
 * neither fd nor anything of its owner, until tap_close. */
struct tap *tap_create(struct event_base *base, int fd, const struct tap_ops *ops, void *arg);
void tap_free(struct tap *t);

/* The owner lets go of the tap (pipe-pane stopped, the log changed, the pane closed):
 * what is queued is still written, then fd is closed and the tap freed; so a consumer
 * that started late still gets all it was owed, then EOF. A consumer that does not take
 * it within TAP_DRAIN_SECONDS, or fails, loses it. The owner's ops are not called any
 * more. Draining taps are kept on *list (the server's), which tap_free_draining frees
 * at exit. With nothing queued, fd is closed and the tap freed at once. */
#define TAP_DRAIN_SECONDS 60
void tap_close(struct tap *t, int fd, struct tap **list);
/* The server is leaving: run the loop until every draining tap is done, at most
 * 'seconds' (a job that ended its session still gets its last output to a late reader). */
void tap_finish_draining(struct tap **list, int seconds);
void tap_free_draining(struct tap **list);
/* Bytes for the consumer: written now, queued, or dropped; never blocks. Returns false
 * when writing failed: ops->failed ran and may have freed the tap. */
bool tap_write(struct tap *t, const void *buf, size_t len);
/* Bytes dropped since the tap was created, and bytes waiting to be written. */
uint64_t tap_dropped(const struct tap *t);
size_t tap_pending(const struct tap *t);
bool tap_is_dropping(const struct tap *t);
/* Other bounds than TAP_BUFFER_MAX and TAP_RESUME (tests). */
void tap_set_limits(struct tap *t, size_t max, size_t resume);

#endif
