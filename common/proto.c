/* proto.c - framing of client <-> server messages; see proto.h. */
#include "proto.h"

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
