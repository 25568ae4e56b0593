/* links.c - the hyperlink table (see links.h).
 *
 * Numbers are slots of an array grown up to LINKS_MAX. A slot is EMPTY (no link; its
 * generation says how often it was reused), LIVE, or FREED: the owner's screen no
 * longer showed it at the last collection, so it may be reused, but until it is its
 * link still resolves (history keeps its links as long as the table has room). FREED
 * slots wait in a queue, least recently used first; a link asked for again, or read
 * back from history, goes back to LIVE. A hash of (id, URI) finds existing links. */
#include "links.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "xmalloc.h"

#define LINKS_BUCKETS 1024
#define LINKS_FIRST_SLOTS 64

_Static_assert(LINKS_MAX >= 2 && LINKS_MAX <= 1 << GRID_LINK_BITS,
               "link numbers fit the cells' bits");

enum { SLOT_EMPTY, SLOT_LIVE, SLOT_FREED };

struct link_slot {
    char *id;            /* id '\0' uri '\0' in one allocation; NULL when EMPTY */
    const char *uri;     /* into the same allocation */
    size_t size;         /* bytes of that allocation */
    uint32_t hash;
    uint32_t gen;        /* 0 until first used, then never 0 */
    uint32_t stamp;      /* when last asked for: the oldest FREED slot goes first */
    uint16_t chain;      /* next number in the same bucket */
    uint16_t prev, next; /* the FREED queue, or the EMPTY list (next only) */
    uint8_t state;
    bool marked;
};

struct links {
    links_mark_fn mark;
    void *arg;
    struct link_slot *slots; /* slots[0] is never a link */
    int cap;                 /* slots allocated */
    int top;                 /* slots [1, top) have been used at least once */
    int count;               /* LIVE and FREED slots */
    uint16_t *buckets;       /* LINKS_BUCKETS chain heads, NULL until the first link */
    uint16_t empty;          /* EMPTY slots below top, a list */
    uint16_t queue_head, queue_tail; /* FREED slots, oldest first */
    size_t bytes;            /* of the strings */
    uint32_t stamp;
    int backoff;             /* refusals left before collecting again */
};

struct links *links_create(links_mark_fn mark, void *arg)
{
    struct links *l = xcalloc(1, sizeof *l);
    l->mark = mark;
    l->arg = arg;
    l->top = 1;
    return l;
}

void links_free(struct links *l)
{
    if (l == NULL)
        return;
    for (int n = 1; n < l->top; n++)
        free(l->slots[n].id);
    free(l->slots);
    free(l->buckets);
    free(l);
}

static bool valid(const struct links *l, uint16_t n)
{
    return n > 0 && n < l->top && l->slots[n].state != SLOT_EMPTY;
}

const char *links_uri(const struct links *l, uint16_t n)
{
    return valid(l, n) ? l->slots[n].uri : NULL;
}

const char *links_id(const struct links *l, uint16_t n)
{
    return valid(l, n) ? l->slots[n].id : NULL;
}

size_t links_osc8(const struct links *l, uint16_t n, char *buf)
{
    const char *uri = n != 0 ? links_uri(l, n) : NULL;
    if (uri == NULL) {
        memcpy(buf, "\033]8;;\033\\", 8);
        return 7;
    }
    const char *id = links_id(l, n);
    int len = snprintf(buf, LINKS_OSC8_MAX, "\033]8;%s%s;%s\033\\", id[0] != '\0' ? "id=" : "",
                       id, uri);
    return len > 0 ? (size_t)len : 0;
}

uint32_t links_gen(const struct links *l, uint16_t n)
{
    return valid(l, n) ? l->slots[n].gen : 0;
}

int links_count(const struct links *l)
{
    return l->count;
}

size_t links_bytes(const struct links *l)
{
    return l->bytes + (size_t)l->cap * sizeof *l->slots +
           (l->buckets != NULL ? LINKS_BUCKETS * sizeof *l->buckets : 0);
}

/* ---- the FREED queue ---- */

static void queue_remove(struct links *l, uint16_t n)
{
    struct link_slot *s = &l->slots[n];
    if (s->prev != 0)
        l->slots[s->prev].next = s->next;
    else
        l->queue_head = s->next;
    if (s->next != 0)
        l->slots[s->next].prev = s->prev;
    else
        l->queue_tail = s->prev;
    s->prev = s->next = 0;
}

static void queue_append(struct links *l, uint16_t n)
{
    struct link_slot *s = &l->slots[n];
    s->state = SLOT_FREED;
    s->next = 0;
    s->prev = l->queue_tail;
    if (l->queue_tail != 0)
        l->slots[l->queue_tail].next = n;
    else
        l->queue_head = n;
    l->queue_tail = n;
}

static void revive(struct links *l, uint16_t n)
{
    if (l->slots[n].state == SLOT_FREED) {
        queue_remove(l, n);
        l->slots[n].state = SLOT_LIVE;
    }
}

uint16_t links_resolve(struct links *l, uint16_t n, uint32_t gen)
{
    if (!valid(l, n) || l->slots[n].gen != gen)
        return 0;
    revive(l, n);
    return n;
}

void links_mark(struct links *l, uint16_t n)
{
    if (valid(l, n))
        l->slots[n].marked = true;
}

/* ---- slots ---- */

/* Make slot n EMPTY: its link is gone and its generation moves on, so history
 * references to it stop resolving. */
static void evict(struct links *l, uint16_t n)
{
    struct link_slot *s = &l->slots[n];
    if (s->state == SLOT_FREED)
        queue_remove(l, n);
    uint16_t *p = &l->buckets[s->hash % LINKS_BUCKETS];
    while (*p != n)
        p = &l->slots[*p].chain;
    *p = s->chain;
    free(s->id);
    l->bytes -= s->size;
    l->count--;
    s->id = NULL;
    s->uri = NULL;
    s->size = 0;
    s->chain = 0;
    s->gen = s->gen == UINT32_MAX ? 1 : s->gen + 1;
    s->state = SLOT_EMPTY;
    s->marked = false;
    s->next = l->empty;
    l->empty = n;
}

void links_clear(struct links *l)
{
    for (int n = 1; n < l->top; n++) {
        if (l->slots[n].state != SLOT_EMPTY)
            evict(l, (uint16_t)n);
    }
    l->backoff = 0;
}

static int by_stamp(const void *a, const void *b)
{
    uint32_t x = (*(const struct link_slot *const *)a)->stamp;
    uint32_t y = (*(const struct link_slot *const *)b)->stamp;
    return x < y ? -1 : x > y;
}

/* Ask the owner which links are still shown; the others join the FREED queue, least
 * recently asked for first. A collection that frees little makes the next few full
 * moments refuse at once, so a screen full of links costs a scan now and then, not
 * one per new link. Returns whether anything can now be reused. */
static bool collect(struct links *l)
{
    if (l->mark == NULL)
        return false;
    if (l->backoff > 0) {
        l->backoff--;
        return false;
    }
    for (int n = 1; n < l->top; n++)
        l->slots[n].marked = false;
    l->mark(l->arg, l);
    struct link_slot **freed = xreallocarray(NULL, (size_t)l->top, sizeof *freed);
    int nfreed = 0;
    for (int n = 1; n < l->top; n++) {
        struct link_slot *s = &l->slots[n];
        if (s->state == SLOT_FREED && s->marked)
            revive(l, (uint16_t)n);
        else if (s->state == SLOT_LIVE && !s->marked)
            freed[nfreed++] = s;
    }
    qsort(freed, (size_t)nfreed, sizeof *freed, by_stamp);
    for (int i = 0; i < nfreed; i++)
        queue_append(l, (uint16_t)(freed[i] - l->slots));
    free(freed);
    if (nfreed < LINKS_MAX / 16)
        l->backoff = LINKS_MAX / 16;
    return l->queue_head != 0;
}

/* A slot for a new link of 'need' bytes, with the byte cap kept; 0 if none. */
static uint16_t take_slot(struct links *l, size_t need)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        while (l->bytes + need > LINKS_BYTES_MAX && l->queue_head != 0)
            evict(l, l->queue_head);
        if (l->bytes + need <= LINKS_BYTES_MAX) {
            if (l->empty == 0 && l->top >= LINKS_MAX && l->queue_head != 0)
                evict(l, l->queue_head);
            if (l->empty != 0) {
                uint16_t n = l->empty;
                l->empty = l->slots[n].next;
                return n;
            }
            if (l->top < LINKS_MAX) {
                if (l->top >= l->cap) {
                    int cap = l->cap == 0 ? LINKS_FIRST_SLOTS : l->cap * 2;
                    if (cap > LINKS_MAX)
                        cap = LINKS_MAX;
                    l->slots = xreallocarray(l->slots, (size_t)cap, sizeof *l->slots);
                    memset(l->slots + l->cap, 0, (size_t)(cap - l->cap) * sizeof *l->slots);
                    l->cap = cap;
                }
                return (uint16_t)l->top++;
            }
        }
        if (attempt == 0 && !collect(l))
            break;
    }
    return 0;
}

/* ---- interning ---- */

static uint32_t hash_bytes(uint32_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)p[i]) * 16777619u;
    return h;
}

/* The URI as stored, into out (LINK_URI_MAX + 1 bytes): bytes 0x80-0xff become %XX.
 * Returns its length, or 0 when it is refused. */
static size_t clean_uri(const char *uri, size_t len, char *out)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)uri[i];
        if (c < 0x20 || c == 0x7f)
            return 0;
        if (c < 0x80) {
            if (o + 1 > LINK_URI_MAX)
                return 0;
            out[o++] = (char)c;
        } else {
            if (o + 3 > LINK_URI_MAX)
                return 0;
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = '\0';
    return o;
}

static bool id_ok(const char *id, size_t len)
{
    if (len > LINK_ID_MAX)
        return false;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)id[i];
        if (c <= 0x20 || c >= 0x7f || c == ':' || c == ';')
            return false;
    }
    return true;
}

uint16_t links_intern(struct links *l, const char *id, size_t idlen, const char *uri,
                      size_t urilen)
{
    char clean[LINK_URI_MAX + 1];
    if (urilen == 0 || urilen > 3 * (size_t)LINK_URI_MAX || !id_ok(id, idlen))
        return 0;
    size_t n_uri = clean_uri(uri, urilen, clean);
    if (n_uri == 0)
        return 0;
    uint32_t hash = hash_bytes(hash_bytes(2166136261u, id, idlen), "", 1);
    hash = hash_bytes(hash, clean, n_uri);
    if (l->buckets == NULL)
        l->buckets = xcalloc(LINKS_BUCKETS, sizeof *l->buckets);

    for (uint16_t n = l->buckets[hash % LINKS_BUCKETS]; n != 0; n = l->slots[n].chain) {
        struct link_slot *s = &l->slots[n];
        if (s->hash == hash && strlen(s->id) == idlen && memcmp(s->id, id, idlen) == 0 &&
            strcmp(s->uri, clean) == 0) {
            revive(l, n);
            s->stamp = ++l->stamp;
            return n;
        }
    }

    size_t need = idlen + 1 + n_uri + 1;
    uint16_t n = take_slot(l, need);
    if (n == 0)
        return 0;
    struct link_slot *s = &l->slots[n];
    s->id = xmalloc(need);
    memcpy(s->id, id, idlen);
    s->id[idlen] = '\0';
    memcpy(s->id + idlen + 1, clean, n_uri + 1);
    s->uri = s->id + idlen + 1;
    s->size = need;
    s->hash = hash;
    if (s->gen == 0)
        s->gen = 1;
    s->stamp = ++l->stamp;
    s->state = SLOT_LIVE;
    s->marked = false;
    s->prev = s->next = 0;
    s->chain = l->buckets[hash % LINKS_BUCKETS];
    l->buckets[hash % LINKS_BUCKETS] = n;
    l->bytes += need;
    l->count++;
    return n;
}
