/* proto.c - framing of client <-> server messages; see proto.h. */
#include "proto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum proto_status proto_peek(const void *buf, size_t len, struct proto_header *hdr,
                             const char **why)
{
    if (len < PROTO_HEADER_SIZE)
        return PROTO_INCOMPLETE;
    memcpy(&hdr->type, buf, 4);
    memcpy(&hdr->len, (const char *)buf + 4, 4);
    if (hdr->type == 0 || hdr->type >= MSG_TYPE_MAX) {
        if (why != NULL)
            *why = "unknown message type";
        return PROTO_BAD;
    }
    if (hdr->len > PROTO_MAX_PAYLOAD) {
        if (why != NULL)
            *why = "message too large";
        return PROTO_BAD;
    }
    if (len - PROTO_HEADER_SIZE < hdr->len)
        return PROTO_INCOMPLETE;
    return PROTO_OK;
}

void proto_encode_header(uint32_t type, uint32_t len, void *out)
{
    memcpy(out, &type, 4);
    memcpy((char *)out + 4, &len, 4);
}

const char *proto_next_string(const void *payload, size_t len, size_t *off)
{
    if (*off >= len)
        return NULL;
    const char *start = (const char *)payload + *off;
    const char *nul = memchr(start, '\0', len - *off);
    if (nul == NULL)
        return NULL;
    *off += (size_t)(nul - start) + 1;
    return start;
}

void proto_exit_parse(const void *payload, size_t len, struct proto_exit *out)
{
    *out = (struct proto_exit){.status = 1, .how = PROTO_EXIT_PLAIN};
    if (len < 4)
        return;
    memcpy(&out->status, payload, 4);
    size_t off = 4;
    const char *message = proto_next_string(payload, len, &off);
    if (message == NULL)
        return;
    out->message = *message != '\0' ? message : NULL;
    if (off < len) {
        out->how = ((const uint8_t *)payload)[off++];
        out->command = proto_next_string(payload, len, &off);
    }
}

void proto_versions(uint32_t *min, uint32_t *max)
{
    *min = PROTO_VERSION_MIN;
    *max = PROTO_VERSION;
    const char *env = getenv("TMX_PROTO_VERSION");
    if (env == NULL || *env == '\0')
        return;
    char *end;
    unsigned long v = strtoul(env, &end, 10);
    if (*end != '\0' || v == 0 || v > 1000)
        return;
    if (v >= PROTO_VERSION_MIN && v <= PROTO_VERSION)
        *max = (uint32_t)v;
    else
        *min = *max = (uint32_t)v;
}

uint32_t proto_negotiate(uint32_t amin, uint32_t amax, uint32_t bmin, uint32_t bmax)
{
    uint32_t hi = amax < bmax ? amax : bmax;
    uint32_t lo = amin > bmin ? amin : bmin;
    return hi >= lo ? hi : 0;
}

size_t proto_hello_format(char *buf, size_t size, uint32_t min, uint32_t max,
                          const char *version)
{
    int n = snprintf(buf, size, "%s%u %u %.32s\n", PROTO_HELLO_MAGIC, min, max, version);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

enum proto_status proto_hello_parse(const char *buf, size_t len, size_t *skip, size_t *used,
                                    uint32_t *min, uint32_t *max, char *version,
                                    size_t vsize)
{
    static const char magic[] = PROTO_HELLO_MAGIC;
    const size_t mlen = sizeof magic - 1;
    const char *at = memmem(buf, len, magic, mlen);
    if (at == NULL)
        return PROTO_INCOMPLETE;
    size_t start = (size_t)(at - buf), rest = len - start;
    const char *nl = memchr(at, '\n', rest < PROTO_HELLO_MAX ? rest : PROTO_HELLO_MAX);
    if (nl == NULL)
        return rest >= PROTO_HELLO_MAX ? PROTO_BAD : PROTO_INCOMPLETE;
    char line[PROTO_HELLO_MAX + 1];
    size_t llen = (size_t)(nl - at);
    memcpy(line, at, llen);
    line[llen] = '\0';
    unsigned long a, b;
    char v[40] = "";
    int used_chars = 0;
    if (sscanf(line + mlen, "%lu %lu %39s%n", &a, &b, v, &used_chars) != 3 ||
        (size_t)used_chars + mlen != llen || a == 0 || a > b || b > 1000000)
        return PROTO_BAD;
    *skip = start;
    *used = start + llen + 1;
    *min = (uint32_t)a;
    *max = (uint32_t)b;
    if (vsize > 0)
        snprintf(version, vsize, "%s", v);
    return PROTO_OK;
}
