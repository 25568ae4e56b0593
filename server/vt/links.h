/* links.h - a table of hyperlinks (OSC 8): each distinct (id, URI) gets a small number
 * that cells carry (grid_cell.link, 0 = no link). One table per vt, and one per client
 * canvas (the renderer's numbering).
 *
 * The table is bounded: at most LINKS_MAX links and LINKS_BYTES_MAX bytes of strings.
 * A number on a visible cell always means its link. History keeps a link as (number,
 * generation): a number is reused for another link only with a new generation, so an
 * old history line whose number was reused decodes without a link, never with another
 * one. When the table is full it asks its owner which numbers the screen still shows
 * (a mark callback), keeps those and lets the others be reused, oldest first; if the
 * screen alone fills it, new links are refused (the text is still printed, unlinked). */
#ifndef TMX_LINKS_H
#define TMX_LINKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* (The fuzz build makes the table tiny, to reach its full-table paths.) */
#ifndef LINKS_MAX
#define LINKS_MAX 4096              /* numbers 1..LINKS_MAX-1 (cells have 14 bits) */
#endif
#ifndef LINKS_BYTES_MAX
#define LINKS_BYTES_MAX (512 * 1024) /* ids and URIs together */
#endif
#define LINK_URI_MAX 4000           /* bytes, after percent-encoding */
#define LINK_ID_MAX 250             /* bytes */

struct links;

/* Called when the table is full: call links_mark for every number still in use. */
typedef void (*links_mark_fn)(void *arg, struct links *l);

/* mark may be NULL: then nothing is ever reused, and a full table refuses new links
 * until links_clear. */
struct links *links_create(links_mark_fn mark, void *arg);
void links_free(struct links *l);
/* Forget every link (every number becomes invalid, history references included). */
void links_clear(struct links *l);

/* The number of the link (id, uri); id may be empty (an anonymous link: the same URI
 * gets the same number). Bytes 0x80-0xff of the URI are percent-encoded (URIs are
 * ASCII); a URI or id with a control character (C0, DEL), an id with ':' or ';', an
 * empty URI, one longer than LINK_URI_MAX or an id longer than LINK_ID_MAX is refused.
 * Returns 0 when refused or when the table has no room. */
uint16_t links_intern(struct links *l, const char *id, size_t idlen, const char *uri,
                      size_t urilen);
/* The strings of number n, NULL if n is not a link. The id is "" for anonymous links. */
const char *links_uri(const struct links *l, uint16_t n);
const char *links_id(const struct links *l, uint16_t n);
/* The OSC 8 that opens link n (with id= when it has one), or closes any link when n is
 * 0 or not a link, into buf (LINKS_OSC8_MAX bytes); returns its length. The table keeps
 * only printable ASCII, so nothing in it can end the sequence or start another. */
#define LINKS_OSC8_MAX (LINK_ID_MAX + LINK_URI_MAX + 16)
size_t links_osc8(const struct links *l, uint16_t n, char *buf);

/* History references: the generation of number n now (0 when n is not a link), and
 * the number again if it still has that generation (0 otherwise). links_resolve keeps
 * the link from being reused until it is no longer marked. */
uint32_t links_gen(const struct links *l, uint16_t n);
uint16_t links_resolve(struct links *l, uint16_t n, uint32_t gen);

/* For the mark callback: number n is in use. */
void links_mark(struct links *l, uint16_t n);

/* How many numbers are taken (0: no cell anywhere has a link), and the bytes the
 * table takes (strings, entries and index). */
int links_count(const struct links *l);
size_t links_bytes(const struct links *l);

#endif
