/* combs.c - interned sequences of combining marks (combs.h): an array of sequences
 * and an open-addressing hash of their indexes, both bounded. */
#include "combs.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define HASH_SIZE (2 * COMBS_MAX) /* a power of two, at most half full */

struct combs_seq {
    uint32_t mark[COMBS_MARKS];
    uint8_t len;
};

struct combs {
    struct combs_seq *seq; /* n used, grown up to COMBS_MAX */
    int n, cap;
    int32_t *hash;         /* HASH_SIZE slots: index + 1, 0 = empty; made with the
                              first sequence (most panes never need one) */
};

struct combs *combs_create(void)
{
    return xcalloc(1, sizeof(struct combs));
}

void combs_free(struct combs *t)
{
    if (t == NULL)
        return;
    free(t->seq);
    free(t->hash);
    free(t);
}

void combs_clear(struct combs *t)
{
    t->n = 0;
    if (t->hash != NULL)
        memset(t->hash, 0, HASH_SIZE * sizeof *t->hash);
}

int combs_count(const struct combs *t)
{
    return t != NULL ? t->n : 0;
}

static uint32_t hash_seq(const uint32_t *m, int len)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < len; i++)
        h = (h ^ m[i]) * 16777619u;
    return h;
}

int combs_get(const struct combs *t, uint32_t comb, uint32_t *out)
{
    if (comb == 0)
        return 0;
    if (!(comb & COMB_SEQ)) {
        out[0] = comb;
        return 1;
    }
    uint32_t i = comb & ~COMB_SEQ;
    if (t == NULL || i >= (uint32_t)t->n)
        return 0;
    memcpy(out, t->seq[i].mark, t->seq[i].len * sizeof *out);
    return t->seq[i].len;
}

uint32_t combs_add(struct combs *t, uint32_t comb, uint32_t cp)
{
    uint32_t m[COMBS_MARKS];
    int len = combs_get(t, comb, m);
    if (len == 0)
        return cp;
    if (len >= COMBS_MARKS)
        return comb;
    m[len++] = cp;
    if (t->hash == NULL)
        t->hash = xcalloc(HASH_SIZE, sizeof *t->hash);
    uint32_t slot = hash_seq(m, len) & (HASH_SIZE - 1);
    for (;; slot = (slot + 1) & (HASH_SIZE - 1)) {
        int32_t k = t->hash[slot];
        if (k == 0)
            break;
        const struct combs_seq *s = &t->seq[k - 1];
        if (s->len == len && memcmp(s->mark, m, (size_t)len * sizeof *m) == 0)
            return COMB_SEQ | (uint32_t)(k - 1);
    }
    if (t->n >= COMBS_MAX)
        return comb;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->seq = xreallocarray(t->seq, (size_t)t->cap, sizeof *t->seq);
    }
    struct combs_seq *s = &t->seq[t->n];
    memset(s, 0, sizeof *s);
    memcpy(s->mark, m, (size_t)len * sizeof *m);
    s->len = (uint8_t)len;
    t->hash[slot] = ++t->n;
    return COMB_SEQ | (uint32_t)(t->n - 1);
}
