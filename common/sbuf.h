/* sbuf.h - bytes built and read back: a growable output buffer and a bounded reader of
 * little-endian integers, varints and length-prefixed strings. The reader never reads
 * past its end: a short or malformed input sets 'bad' and every later read returns 0,
 * so a decoder checks once at the end of a unit (the snapshot file is its user). */
#ifndef TMX_SBUF_H
#define TMX_SBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sbuf {
    uint8_t *p;
    size_t len, cap;
};

void sbuf_free(struct sbuf *b);
void sbuf_reserve(struct sbuf *b, size_t more);
void sbuf_put(struct sbuf *b, const void *data, size_t n);
void sbuf_byte(struct sbuf *b, uint8_t v);
void sbuf_u32(struct sbuf *b, uint32_t v);   /* 4 bytes, little-endian */
void sbuf_varint(struct sbuf *b, uint64_t v); /* LEB128, at most 10 bytes */
void sbuf_svarint(struct sbuf *b, int64_t v); /* zigzag, then varint */
/* varint length, then the bytes (no NUL); NULL is written as "". */
void sbuf_str(struct sbuf *b, const char *s);
void sbuf_bytes(struct sbuf *b, const void *data, size_t n);

struct sbuf_reader {
    const uint8_t *p;
    size_t len, off;
    bool bad;
};

void sbuf_reader_init(struct sbuf_reader *r, const void *p, size_t len);
static inline bool sbuf_reader_done(const struct sbuf_reader *r)
{
    return r->bad || r->off >= r->len;
}
uint8_t sbuf_get_byte(struct sbuf_reader *r);
uint32_t sbuf_get_u32(struct sbuf_reader *r);
uint64_t sbuf_get_varint(struct sbuf_reader *r);
int64_t sbuf_get_svarint(struct sbuf_reader *r);
/* A varint that must lie in [min, max] (else bad, and min is returned). */
long sbuf_get_int(struct sbuf_reader *r, long min, long max);
/* n bytes in place, or NULL (bad). */
const uint8_t *sbuf_get_raw(struct sbuf_reader *r, size_t n);
/* A string of at most max bytes with no NUL in it, copied (caller frees); NULL (bad)
 * otherwise. */
char *sbuf_get_str(struct sbuf_reader *r, size_t max);
/* Bytes of at most max (any content), in place: *n gets the length; NULL (bad). */
const uint8_t *sbuf_get_bytes(struct sbuf_reader *r, size_t max, size_t *n);

/* CRC-32 (IEEE 802.3, as zlib's crc32) of n bytes, continued from crc (0 to start). */
uint32_t sbuf_crc32(uint32_t crc, const void *data, size_t n);

#endif
