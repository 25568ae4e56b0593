/* pane_reader.h - the flood reader: a thread that reads the ptys of panes whose program
 * floods them, straight into their output rings (keeper_ring.h), while the loop parses
 * what it read.
 *
 * Why: a pty holds some 12 KiB, so a program writes only as fast as its pty is read. A
 * loop that parses each 4 KiB before it reads the next leaves the pty full meanwhile,
 * and the program waits; a thread that only reads keeps it draining as a bare reader
 * does. The loop still does everything else, the parsing included: the vt, the screens
 * and every client stay the loop's alone.
 *
 * A pane is handed over (pane_reader_take) when one wakeup read a whole batch: its
 * program floods. The thread then reads its pty into its ring, at most limit bytes ahead
 * of what the loop has taken (pane_reader_taken): a program that writes faster than the
 * loop parses still waits for the loop, and the ring never wraps past what was parsed.
 * The loop hears of new bytes through its ready callback, called for every pane held
 * when the thread has read something (one eventfd write per loop wakeup, not per read).
 * The thread gives a pane back when its program goes quiet (a short read, then nothing)
 * or its pty ends; the loop takes it back whenever it must (pane_reader_release), after
 * which the thread no longer touches it.
 *
 * The thread makes only system calls (epoll_wait, read, write to an eventfd, epoll_ctl)
 * and touches only the slots and the rings, under the reader's own mutex, with every
 * signal blocked: a child the loop forks finds no lock held that it could need. */
#ifndef TMX_PANE_READER_H
#define TMX_PANE_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct event_base;
struct keeper_ring;
struct pane_reader;

/* A held pane may have news (bytes, or its pty given back): owner is take's. */
typedef void (*pane_reader_ready_fn)(void *owner);

/* Where a held pane's pty is. */
enum pane_reader_state {
    PANE_READER_READING, /* the thread reads it */
    PANE_READER_QUIET,   /* given back: its program went quiet */
    PANE_READER_ENDED,   /* given back: read gave 0 or an error (errno in *err) */
};

/* The reader and its thread; NULL with errno when either cannot be made. */
struct pane_reader *pane_reader_create(struct event_base *base, pane_reader_ready_fn ready);
/* End the thread (every pane must have been released). */
void pane_reader_free(struct pane_reader *r);

/* Hand the thread fd (a non-blocking pty master) and the ring it reads into, whose
 * head is 'seen' (everything read so far was taken). Returns the pane's slot, or -1
 * when every slot is taken (the loop keeps reading it). */
int pane_reader_take(struct pane_reader *r, int fd, struct keeper_ring *ring, uint64_t seen,
                     void *owner);
/* The bytes read and not yet taken, at most max: their count, and where they are (one
 * span: the ring is mapped twice). */
size_t pane_reader_pending(struct pane_reader *r, int slot, size_t max,
                           const unsigned char **at);
/* n pending bytes were taken: the thread may read that much further. */
void pane_reader_taken(struct pane_reader *r, int slot, size_t n);
/* Where the pane's pty is; *err is the read's errno once PANE_READER_ENDED. Read it
 * before pane_reader_pending: bytes read before the pty was given back are pending by
 * then. */
enum pane_reader_state pane_reader_state(struct pane_reader *r, int slot, int *err);
/* The loop takes the pty back: the slot is free, the thread no longer reads it. Bytes
 * still pending stay in the ring, not taken. */
void pane_reader_release(struct pane_reader *r, int slot);
/* fn(owner) for each pane held now and still held when its turn comes (fn may release
 * it, or end others). */
void pane_reader_each(struct pane_reader *r, pane_reader_ready_fn fn);
/* Call the ready callback again at the loop's next turn (bytes were left pending so that
 * other events get theirs). */
void pane_reader_again(struct pane_reader *r);

#endif
