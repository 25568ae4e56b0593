/* history_record.h - one history line as bytes (internal to vt/): a record holds the
 * line's sequence number, used width, wrapped flag and cells, compactly (the format is
 * described in history_record.c). history.c stores records; this encodes and decodes
 * them. */
#ifndef TMX_VT_HISTORY_RECORD_H
#define TMX_VT_HISTORY_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cell.h"

struct links;

#define HISTORY_RECORD_SEQ_BYTES 8 /* the sequence number, first in a record */
#define HISTORY_RECORD_HEADER_MAX (HISTORY_RECORD_SEQ_BYTES + 5 + 5)

#define HISTORY_RECORD_CELL_MAX 40 /* payload bytes a cell may take: a style (28) and a
                                      raw cell (12) */

/* Encode line l as a record with sequence number seq at buf, which has room for at
 * least history_record_bound(l->used) bytes. Link numbers are stored with their
 * generation in 'links' (NULL: links are dropped). Returns the record's size. */
static inline size_t history_record_bound(int used)
{
    return HISTORY_RECORD_HEADER_MAX + (size_t)(used > 0 ? used : 0) * HISTORY_RECORD_CELL_MAX;
}
size_t history_record_encode(const struct grid_line *l, uint64_t seq,
                             const struct links *links, uint8_t *buf);

/* The record at rec decoded into out, whose cells are grown with realloc as needed
 * (out must start zeroed or hold cells from an earlier decode). A link is kept only
 * while 'links' still has its number with the same generation (links.h). */
void history_record_decode(const uint8_t *rec, struct grid_line *out, struct links *links);
/* Bytes of the record at rec; its used width and wrapped flag without decoding it. */
size_t history_record_size(const uint8_t *rec);
void history_record_info(const uint8_t *rec, int *used, bool *wrapped);

/* The record's sequence number (records are not aligned: copied, not cast). */
static inline uint64_t history_record_seq(const uint8_t *rec)
{
    uint64_t seq;
    memcpy(&seq, rec, sizeof seq);
    return seq;
}

static inline void history_record_set_seq(uint8_t *rec, uint64_t seq)
{
    memcpy(rec, &seq, sizeof seq);
}

#endif
