/* tmux_peer.c - answering a real tmux client in its own protocol (see tmux_peer.h).
 * tmux's framing, from its protocol as any tmux client speaks it: a 16-byte header
 * (uint32 type, uint16 total length with the header, uint16 flags, uint32 peer id which
 * carries the protocol version, uint32 pid), then the data, in host byte order. Only what
 * is needed to refuse politely: the identify messages are skipped, the command
 * (int argc, then the words NUL-terminated) is read, and the answer opens the client's
 * stderr as a stream, writes one line, closes it and asks the client to exit. */
#include "tmux_peer.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "cmdline.h"
#include "xmalloc.h"

#define TMUX_HEADER 16
#define TMUX_MSG_IDENTIFY_FIRST 100 /* MSG_IDENTIFY_FLAGS */
#define TMUX_MSG_IDENTIFY_LAST 112  /* MSG_IDENTIFY_TERMINFO */
#define TMUX_MSG_COMMAND 200
#define TMUX_MSG_EXIT 203
#define TMUX_MSG_WRITE_OPEN 303
#define TMUX_MSG_WRITE 304
#define TMUX_MSG_WRITE_CLOSE 306
/* What a tmux client may send before its command (its whole environment): more is not
 * a tmux client, or not one worth answering. */
#define TMUX_PEER_MAX (1u << 20)
/* The stream number the answer uses for the client's stderr. */
#define TMUX_PEER_STREAM 1

static uint32_t get32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static uint16_t get16(const unsigned char *p)
{
    uint16_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

bool tmux_peer_detect(const unsigned char *buf, size_t len)
{
    if (len < 4)
        return false;
    uint32_t type = get32(buf);
    return type >= TMUX_MSG_IDENTIFY_FIRST && type <= TMUX_MSG_IDENTIFY_LAST;
}

/* The words of a tmux MSG_COMMAND's data: argc, then argc NUL-terminated strings.
 * Returns whether it attaches; a malformed one counts as not. */
static bool command_attaches(const unsigned char *data, size_t len)
{
    if (len < 4)
        return false;
    int32_t argc;
    memcpy(&argc, data, sizeof argc);
    if (argc < 0 || (size_t)argc > len)
        return false;
    char **argv = xcalloc((size_t)argc + 1, sizeof *argv);
    size_t off = 4;
    int n = 0;
    while (n < argc && off < len) {
        const char *start = (const char *)data + off;
        const char *nul = memchr(start, '\0', len - off);
        if (nul == NULL)
            break;
        argv[n++] = xstrndup(start, (size_t)(nul - start));
        off += (size_t)(nul - start) + 1;
    }
    bool attaches = n == argc && cmdline_attaches(n, argv);
    for (int i = 0; i < n; i++)
        free(argv[i]);
    free(argv);
    return attaches;
}

int tmux_peer_scan(const unsigned char *buf, size_t len, bool *attaches, uint32_t *peerid)
{
    size_t off = 0;
    while (len - off >= TMUX_HEADER) {
        uint32_t type = get32(buf + off);
        size_t total = get16(buf + off + 4);
        if (total < TMUX_HEADER)
            return -1;
        if (len - off < total)
            break;
        if (type == TMUX_MSG_COMMAND) {
            *peerid = get32(buf + off + 8);
            *attaches = command_attaches(buf + off + TMUX_HEADER, total - TMUX_HEADER);
            return 1;
        }
        off += total;
    }
    return len > TMUX_PEER_MAX ? -1 : 0;
}

/* One message in tmux's framing, with no fd. */
static void put_message(struct evbuffer *out, uint32_t type, uint32_t peerid, const void *data,
                        size_t len)
{
    unsigned char hdr[TMUX_HEADER];
    uint16_t total = (uint16_t)(TMUX_HEADER + len), flags = 0;
    int32_t pid = -1;
    memcpy(hdr, &type, 4);
    memcpy(hdr + 4, &total, 2);
    memcpy(hdr + 6, &flags, 2);
    memcpy(hdr + 8, &peerid, 4);
    memcpy(hdr + 12, &pid, 4);
    evbuffer_add(out, hdr, sizeof hdr);
    if (len > 0)
        evbuffer_add(out, data, len);
}

void tmux_peer_answer(struct evbuffer *out, uint32_t peerid, const char *text)
{
    /* Open: stream, the client's fd (2, its own stderr), flags; no path. */
    int32_t open_msg[3] = {TMUX_PEER_STREAM, 2, 0};
    put_message(out, TMUX_MSG_WRITE_OPEN, peerid, open_msg, sizeof open_msg);
    /* The line, bounded to one message (16 KiB in tmux's framing). */
    size_t tlen = strlen(text);
    if (tlen > 1000)
        tlen = 1000;
    unsigned char data[4 + 1001];
    int32_t stream = TMUX_PEER_STREAM;
    memcpy(data, &stream, 4);
    memcpy(data + 4, text, tlen);
    data[4 + tlen] = '\n';
    put_message(out, TMUX_MSG_WRITE, peerid, data, 4 + tlen + 1);
    put_message(out, TMUX_MSG_WRITE_CLOSE, peerid, &stream, sizeof stream);
    int32_t status = 1;
    put_message(out, TMUX_MSG_EXIT, peerid, &status, sizeof status);
}
