/* history.h - the scrollback of one grid, stored compactly. Each line scrolled off the
 * top is encoded once (UTF-8 text, a style record only where the style changes, runs
 * of blank cells as a count, the blank tail not at all) into blocks shared by many
 * lines. Lines leave oldest first: by count (history-limit), by bytes for this
 * history (history-bytes), and by bytes for every history of a pool
 * (history-bytes-total), where the globally oldest line goes first. */
#ifndef TMX_HISTORY_H
#define TMX_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cell.h"

struct history;
/* Accounting shared by histories (the server has one): total bytes, an optional cap
 * on them, and the sequence numbers that order lines across histories. */
struct history_pool;

struct history_pool *history_pool_create(void);
/* Every history of the pool must have been freed (or left it) first. */
void history_pool_free(struct history_pool *pool);
/* 0 = no cap. Lowering it drops the globally oldest lines at once. */
void history_pool_set_byte_limit(struct history_pool *pool, size_t bytes);
size_t history_pool_bytes(const struct history_pool *pool);

struct history *history_create(void);
void history_free(struct history *h);
/* Join a pool (NULL: leave it). The history's bytes move with it. */
void history_set_pool(struct history *h, struct history_pool *pool);
/* The table giving the link numbers of cells their meaning (links.h); lines keep
 * their links only with one (NULL, the default: links are dropped). Records copied
 * between histories (history_adopt) must share it. */
struct links;
void history_set_links(struct history *h, struct links *links);
struct links *history_links(const struct history *h);
/* Limits of this history (0 bytes = no byte cap); lowering them drops lines now. */
void history_set_line_limit(struct history *h, int lines);
void history_set_byte_limit(struct history *h, size_t bytes);
int history_line_limit(const struct history *h);

int history_size(const struct history *h);
/* Lines ever dropped from the oldest end (limits, clear); not those taken out by
 * history_pop_oldest or history_pop_newest. */
uint64_t history_dropped(const struct history *h);
/* Bytes the lines take: their encoded records plus their slot in the index. */
size_t history_bytes(const struct history *h);

/* Encode l and append it as the newest line, then drop the oldest lines over the
 * limits (possibly l itself when it alone exceeds the byte cap). */
void history_push(struct history *h, const struct grid_line *l);
/* Line i (0 = oldest) decoded into out, whose cells are grown with realloc as needed
 * (out must start zeroed or hold cells from an earlier decode). No-op out of range. */
void history_get(const struct history *h, int i, struct grid_line *out);
/* Used width and wrapped flag of line i without decoding it; false out of range. */
bool history_info(const struct history *h, int i, int *used, bool *wrapped);
/* Remove the newest line, decoding it into out. False when empty. */
bool history_pop_newest(struct history *h, struct grid_line *out);
void history_clear(struct history *h);

/* For rebuilding a history (reflow): take lines out oldest first with their sequence
 * numbers, append lines with given ones (non-decreasing), then move everything into
 * the original with history_adopt, which applies its limits. */
bool history_pop_oldest(struct history *h, struct grid_line *out, uint64_t *seq);
void history_push_seq(struct history *h, const struct grid_line *l, uint64_t seq);
/* A sequence number newer than every line of h's pool (or of h alone). */
uint64_t history_next_seq(struct history *h);
/* Move the lines of 'from' (which is freed) after those of h, then apply h's limits. */
void history_adopt(struct history *h, struct history *from);

#endif
