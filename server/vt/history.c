/* history.c - compact scrollback storage (see history.h).
 *
 * A line is one record (history_record.h: its sequence number, used width, wrapped
 * flag and cells, encoded), appended to the newest of a list of blocks (a few KiB to
 * 64 KiB, shared by many lines; a block is freed when its last line leaves).
 *
 * An index ring holds a pointer to each record, oldest first. The bytes counted for a
 * line are its record plus its index slot. */
#include "history.h"

#include <stdlib.h>
#include <string.h>

#include "history_record.h"
#include "queue.h"
#include "xmalloc.h"

#define BLOCK_MIN (4096 - 64)
#define BLOCK_MAX (65536 - 64)

struct hblock {
    TAILQ_ENTRY(hblock) entry;
    uint32_t size; /* bytes of data */
    uint32_t used; /* bytes of data holding records */
    uint32_t live; /* records still in the history */
    uint8_t data[];
};
TAILQ_HEAD(hblock_list, hblock);

struct history {
    struct history_pool *pool;
    struct links *links;        /* what link numbers in cells mean (NULL: none kept) */
    TAILQ_ENTRY(history) entry; /* in pool->members */
    struct hblock_list blocks;  /* oldest first */
    uint8_t **recs;             /* ring of record pointers */
    int cap, start, n;
    int line_limit;
    size_t byte_limit; /* 0 = none */
    size_t bytes;
    uint64_t dropped;  /* lines dropped from the oldest end, ever */
    uint64_t next_seq; /* when not in a pool */
};

TAILQ_HEAD(history_list, history);

struct history_pool {
    struct history_list members;
    size_t bytes, byte_limit;
    uint64_t next_seq;
    /* The history whose oldest line was the globally oldest at the last scan, and the
     * oldest sequence number of every other history then. The others' oldest lines
     * only get newer, so while the victim's oldest is older than 'bound' it is still
     * the globally oldest: a flood needs no scan per line. */
    struct history *victim;
    uint64_t bound;
};

/* ---- blocks, index ring, accounting ---- */

static void account(struct history *h, size_t add, size_t sub)
{
    h->bytes = h->bytes + add - sub;
    if (h->pool != NULL)
        h->pool->bytes = h->pool->bytes + add - sub;
}

static uint8_t *slot(const struct history *h, int i)
{
    int idx = h->start + i;
    if (idx >= h->cap)
        idx -= h->cap;
    return h->recs[idx];
}

/* Reallocate the ring to 'cap' slots, oldest first. */
static void ring_relayout(struct history *h, int cap)
{
    uint8_t **recs = NULL;
    if (cap > 0) {
        recs = xreallocarray(NULL, (size_t)cap, sizeof *recs);
        for (int i = 0; i < h->n; i++)
            recs[i] = slot(h, i);
    }
    free(h->recs);
    h->recs = recs;
    h->cap = cap;
    h->start = 0;
}

/* Room for a record of 'need' bytes at the end of the newest block. */
static uint8_t *block_reserve(struct history *h, size_t need)
{
    struct hblock *b = TAILQ_LAST(&h->blocks, hblock_list);
    if (b == NULL || b->size - b->used < need) {
        size_t size = h->bytes / 8;
        size = size < BLOCK_MIN ? BLOCK_MIN : size > BLOCK_MAX ? BLOCK_MAX : size;
        if (size < need)
            size = need;
        b = xmalloc(sizeof *b + size);
        b->size = (uint32_t)size;
        b->used = 0;
        b->live = 0;
        TAILQ_INSERT_TAIL(&h->blocks, b, entry);
    }
    return b->data + b->used;
}

/* A full index ring made larger (out of line: appending to a ring with room, every
 * line once the history is at its limit, then makes no call). */
static __attribute__((noinline)) void ring_grow(struct history *h)
{
    int cap = h->cap > 0 ? h->cap * 2 : 16;
    if (cap > h->line_limit)
        cap = h->line_limit;
    if (cap <= h->n)
        cap = h->n + 1;
    ring_relayout(h, cap);
}

/* Append the record (already written at the block_reserve position) of 'size' bytes. */
static void append_record(struct history *h, uint8_t *rec, size_t size)
{
    struct hblock *b = TAILQ_LAST(&h->blocks, hblock_list);
    b->used += (uint32_t)size;
    b->live++;
    if (h->n == h->cap)
        ring_grow(h);
    int idx = h->start + h->n;
    if (idx >= h->cap)
        idx -= h->cap;
    h->recs[idx] = rec;
    h->n++;
    account(h, size + sizeof *h->recs, 0);
}

/* Take the oldest line out (dropped or popped). */
static void remove_oldest(struct history *h)
{
    uint8_t *rec = h->recs[h->start];
    account(h, 0, history_record_size(rec) + sizeof *h->recs);
    h->start = h->start + 1 == h->cap ? 0 : h->start + 1;
    h->n--;
    struct hblock *b = TAILQ_FIRST(&h->blocks);
    if (--b->live == 0) {
        TAILQ_REMOVE(&h->blocks, b, entry);
        free(b);
    }
}

static void drop_oldest(struct history *h)
{
    remove_oldest(h);
    h->dropped++;
}

static void drop_newest(struct history *h)
{
    uint8_t *rec = slot(h, h->n - 1);
    account(h, 0, history_record_size(rec) + sizeof *h->recs);
    h->n--;
    struct hblock *b = TAILQ_LAST(&h->blocks, hblock_list);
    b->used = (uint32_t)(rec - b->data);
    if (--b->live == 0) {
        TAILQ_REMOVE(&h->blocks, b, entry);
        free(b);
    }
}

/* Drop the oldest lines over this history's own limits. */
static void enforce_own(struct history *h)
{
    while (h->n > h->line_limit)
        drop_oldest(h);
    while (h->byte_limit != 0 && h->bytes > h->byte_limit && h->n > 0)
        drop_oldest(h);
}

/* The history holding the globally oldest line of the pool, NULL if all are empty. */
static struct history *pool_oldest(struct history_pool *pool)
{
    struct history *v = pool->victim;
    if (v != NULL && v->n > 0 && history_record_seq(slot(v, 0)) <= pool->bound)
        return v;
    uint64_t best = UINT64_MAX, second = UINT64_MAX;
    v = NULL;
    struct history *h;
    TAILQ_FOREACH(h, &pool->members, entry) {
        if (h->n == 0)
            continue;
        uint64_t seq = history_record_seq(slot(h, 0));
        if (seq < best) {
            second = best;
            best = seq;
            v = h;
        } else if (seq < second) {
            second = seq;
        }
    }
    pool->victim = v;
    pool->bound = second;
    return v;
}

static void enforce_pool(struct history_pool *pool)
{
    if (pool == NULL)
        return;
    while (pool->byte_limit != 0 && pool->bytes > pool->byte_limit) {
        struct history *v = pool_oldest(pool);
        if (v == NULL)
            break;
        drop_oldest(v);
    }
}

/* ---- pool ---- */

struct history_pool *history_pool_create(void)
{
    struct history_pool *pool = xcalloc(1, sizeof *pool);
    TAILQ_INIT(&pool->members);
    pool->next_seq = 1;
    return pool;
}

void history_pool_free(struct history_pool *pool)
{
    if (pool == NULL)
        return;
    struct history *h, *tmp;
    TAILQ_FOREACH_SAFE(h, &pool->members, entry, tmp)
        history_set_pool(h, NULL);
    free(pool);
}

void history_pool_set_byte_limit(struct history_pool *pool, size_t bytes)
{
    pool->byte_limit = bytes;
    enforce_pool(pool);
}

size_t history_pool_bytes(const struct history_pool *pool)
{
    return pool->bytes;
}

/* ---- one history ---- */

struct history *history_create(void)
{
    struct history *h = xcalloc(1, sizeof *h);
    TAILQ_INIT(&h->blocks);
    h->next_seq = 1;
    return h;
}

void history_free(struct history *h)
{
    if (h == NULL)
        return;
    history_set_pool(h, NULL);
    history_clear(h);
    free(h);
}

void history_set_pool(struct history *h, struct history_pool *pool)
{
    if (h->pool == pool)
        return;
    if (h->pool != NULL) {
        h->pool->bytes -= h->bytes;
        if (h->pool->victim == h)
            h->pool->victim = NULL;
        TAILQ_REMOVE(&h->pool->members, h, entry);
        h->next_seq = h->pool->next_seq;
    }
    h->pool = pool;
    if (pool == NULL)
        return;
    TAILQ_INSERT_TAIL(&pool->members, h, entry);
    pool->bytes += h->bytes;
    /* Lines brought along are numbered as the pool's newest, in their order. */
    for (int i = 0; i < h->n; i++)
        history_record_set_seq(slot(h, i), pool->next_seq++);
    enforce_pool(pool);
}

void history_set_links(struct history *h, struct links *links)
{
    h->links = links;
}

struct links *history_links(const struct history *h)
{
    return h->links;
}

void history_set_line_limit(struct history *h, int lines)
{
    h->line_limit = lines < 0 ? 0 : lines;
    enforce_own(h);
    if (h->cap > h->line_limit)
        ring_relayout(h, h->line_limit);
}

void history_set_byte_limit(struct history *h, size_t bytes)
{
    h->byte_limit = bytes;
    enforce_own(h);
}

int history_line_limit(const struct history *h)
{
    return h->line_limit;
}

int history_size(const struct history *h)
{
    return h->n;
}

uint64_t history_dropped(const struct history *h)
{
    return h->dropped;
}

size_t history_bytes(const struct history *h)
{
    return h->bytes;
}

uint64_t history_next_seq(struct history *h)
{
    return h->pool != NULL ? h->pool->next_seq++ : h->next_seq++;
}

/* append_line's rare case, out of line (its buffer would make every call set up a
 * large frame): the newest block lacks room for the largest record the line can make,
 * so the line is encoded into a buffer, then into the room the record then needs. */
static __attribute__((noinline)) void append_line_buffered(struct history *h,
                                                           const struct grid_line *l,
                                                           uint64_t seq, size_t bound)
{
    uint8_t stack[8192];
    uint8_t *buf = bound <= sizeof stack ? stack : xmalloc(bound);
    size_t size = history_record_encode(l, seq, h->links, buf);
    uint8_t *rec = block_reserve(h, size);
    memcpy(rec, buf, size);
    if (buf != stack)
        free(buf);
    append_record(h, rec, size);
}

/* Encode l with 'seq' and append it (no limits applied): in place when the newest
 * block has room for the largest record the line can make. */
static inline void append_line(struct history *h, const struct grid_line *l, uint64_t seq)
{
    size_t bound = history_record_bound(l->used);
    struct hblock *b = TAILQ_LAST(&h->blocks, hblock_list);
    if (b != NULL && b->size - b->used >= bound) {
        uint8_t *rec = b->data + b->used;
        append_record(h, rec, history_record_encode(l, seq, h->links, rec));
        return;
    }
    append_line_buffered(h, l, seq, bound);
}

void history_push(struct history *h, const struct grid_line *l)
{
    if (h->line_limit == 0)
        return;
    if (h->n == h->line_limit)
        drop_oldest(h); /* before, so the ring never grows past the limit */
    append_line(h, l, history_next_seq(h));
    enforce_own(h);
    enforce_pool(h->pool);
}

void history_push_seq(struct history *h, const struct grid_line *l, uint64_t seq)
{
    if (h->line_limit == 0)
        return;
    if (h->n == h->line_limit)
        drop_oldest(h);
    append_line(h, l, seq);
    enforce_own(h);
}

void history_get(const struct history *h, int i, struct grid_line *out)
{
    if (i < 0 || i >= h->n)
        return;
    history_record_decode(slot(h, i), out, h->links);
}

bool history_info(const struct history *h, int i, int *used, bool *wrapped)
{
    if (i < 0 || i >= h->n)
        return false;
    history_record_info(slot(h, i), used, wrapped);
    return true;
}

bool history_pop_newest(struct history *h, struct grid_line *out)
{
    if (h->n == 0)
        return false;
    history_record_decode(slot(h, h->n - 1), out, h->links);
    drop_newest(h);
    return true;
}

bool history_pop_oldest(struct history *h, struct grid_line *out, uint64_t *seq)
{
    if (h->n == 0)
        return false;
    const uint8_t *rec = slot(h, 0);
    history_record_decode(rec, out, h->links);
    if (seq != NULL)
        *seq = history_record_seq(rec);
    remove_oldest(h);
    return true;
}

void history_clear(struct history *h)
{
    struct hblock *b, *tmp;
    TAILQ_FOREACH_SAFE(b, &h->blocks, entry, tmp)
        free(b);
    TAILQ_INIT(&h->blocks);
    account(h, 0, h->bytes);
    h->dropped += (uint64_t)h->n;
    free(h->recs);
    h->recs = NULL;
    h->cap = h->start = h->n = 0;
}

void history_adopt(struct history *h, struct history *from)
{
    if (h->n == 0) {
        /* Take the blocks and the ring as they are. */
        history_clear(h);
        TAILQ_CONCAT(&h->blocks, &from->blocks, entry);
        h->recs = from->recs;
        h->cap = from->cap;
        h->start = from->start;
        h->n = from->n;
        account(h, from->bytes, 0);
        from->recs = NULL;
        from->cap = from->start = from->n = 0;
        account(from, 0, from->bytes);
    } else {
        for (int i = 0; i < from->n; i++) {
            const uint8_t *src = slot(from, i);
            size_t size = history_record_size(src);
            uint8_t *rec = block_reserve(h, size);
            memcpy(rec, src, size);
            append_record(h, rec, size);
        }
    }
    h->dropped += from->dropped;
    history_free(from);
    if (h->cap < h->n)
        ring_relayout(h, h->n);
    enforce_own(h);
    if (h->cap > h->line_limit && h->line_limit >= h->n)
        ring_relayout(h, h->line_limit);
    enforce_pool(h->pool);
}
