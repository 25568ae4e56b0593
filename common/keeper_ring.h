/* keeper_ring.h - a pane's output ring in shared memory: the write-ahead log of what its
 * program printed, so that nothing is lost when the server dies (kill -9, a crash, an
 * upgrade). The keeper makes one (a memfd, sealed against resizing) for each program it
 * spawns and passes it to the server with the pty master. Whoever reads the pty (the
 * server while attached, the keeper while none is) reads straight into the ring and then
 * advances its head, the count of bytes ever appended (a release store): no extra copy,
 * no syscall. A snapshot records the head its screens stand for; the next server replays
 * the ring from there (docs/protocol.md, "Output rings").
 *
 * The file: one page of header (magic, version, data size, head), then size bytes of
 * data. The data is mapped twice, back to back, so any span of at most size bytes that
 * starts in the ring is contiguous in memory. Nothing in the file is trusted: the
 * mapping's size is the file's, and head is only ever used modulo size. */
#ifndef TMX_KEEPER_RING_H
#define TMX_KEEPER_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KEEPER_RING_MAGIC 0x676e6972786d74ULL /* "tmxring" */
#define KEEPER_RING_VERSION 1
/* Sizes are rounded up to a page and bounded (keeper_proto.h KEEPER_RING_MAX). */
#define KEEPER_RING_MIN (64u * 1024)

struct keeper_ring {
    int fd;              /* the memfd (close-on-exec); -1 in a reader (keeper_ring_map) */
    size_t size;         /* data bytes: a multiple of the page size */
    size_t page;
    void *header;        /* the header page */
    unsigned char *data; /* size bytes, mapped twice: data[i] == data[i + size] */
};

/* The size a request of n bytes becomes (0 stays 0: no ring). */
size_t keeper_ring_round(size_t n);
/* Make a ring of keeper_ring_round(size) bytes (size > 0). NULL with errno on failure. */
struct keeper_ring *keeper_ring_create(size_t size);
/* Map the ring of fd (taken: closed once mapped, or on failure). NULL if it is not a ring
 * (wrong magic, size, seals) or cannot be mapped. */
struct keeper_ring *keeper_ring_map(int fd);
void keeper_ring_free(struct keeper_ring *r);

/* Bytes ever appended (acquire). */
uint64_t keeper_ring_head(const struct keeper_ring *r);
/* Where the next bytes go: *room contiguous bytes (at most max) at head. */
unsigned char *keeper_ring_tail(struct keeper_ring *r, size_t max, size_t *room);
/* n bytes were written at the tail: head advances (release). */
void keeper_ring_commit(struct keeper_ring *r, size_t n);
/* The bytes still held: the last *len (at most size) before head, contiguous. */
const unsigned char *keeper_ring_window(const struct keeper_ring *r, uint64_t *head, size_t *len);

#endif
