/* proto_fuzz.c - libFuzzer target for the client -> server protocol.
 *
 * 1. The decoder alone (common/proto): the input is a byte stream from a client, split
 *    into messages with proto_peek as the server does, each payload walked with
 *    proto_next_string (the MSG_IDENTIFY strings after struct proto_identify, the
 *    MSG_COMMAND argv, MSG_ENVIRON). Buffers are exact-size heap copies, so ASan flags
 *    any read past a length; the results are checked against the lengths.
 * 2. The server's side of a connection (server_client.c: client_read_cb,
 *    client_identify, MSG_ENVIRON / MSG_RESIZE / MSG_COMMAND / MSG_INPUT, and from there
 *    attach, key input, prompts, bindings, frames rendered for the client's TERM): the
 *    same bytes are written into one end of a socketpair whose other end is a client of
 *    an in-memory server with sessions (tests/fuzz/fake_server.c) on its own libevent
 *    loop, with the debug log on (DESIGN.md pitfall 9, into /dev/null). Commands, from
 *    MSG_COMMAND or from key bindings, run only if the gate of cmd_gate.c lets them
 *    (nothing that forks, opens files, signals or stops the server). The server must
 *    answer or drop the client, never crash, and free everything (LeakSanitizer).
 *
 * 3. tmx -H's hello line (proto_hello_parse) and the stream after it.
 *
 * The seed corpus files are made of real messages (PROTO_VERSION, the struct layout of
 * protocol.md); see corpus/proto/. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/event.h>

#include "cmd_gate.h"
#include "fake_server.h"
#include "log.h"
#include "proto.h"
#include "server_client.h"
#include "server_msg.h"
#include "server_state.h"

static void fail(const char *what, size_t at)
{
    fprintf(stderr, "proto_fuzz: %s (offset %zu)\n", what, at);
    abort();
}

/* ---- 1. The decoder ----------------------------------------------------------- */

static void walk_strings(const char *payload, size_t len, size_t off)
{
    const char *s;
    size_t prev = off;
    while ((s = proto_next_string(payload, len, &off)) != NULL) {
        if (s < payload || s >= payload + len)
            fail("proto_next_string returned a pointer outside the payload", off);
        size_t slen = strlen(s); /* within the exact-size buffer, or ASan fails here */
        if (s + slen >= payload + len)
            fail("proto_next_string string not terminated inside the payload", off);
        if (off <= prev || off > len || off != (size_t)(s - payload) + slen + 1)
            fail("proto_next_string offset not just past the string", off);
        prev = off;
    }
    if (off > len)
        fail("proto_next_string left the offset past the payload", off);
}

static void decode_stream(const uint8_t *data, size_t size)
{
    size_t pos = 0;
    while (pos < size) {
        size_t left = size - pos;
        unsigned char *buf = malloc(left);
        memcpy(buf, data + pos, left);
        struct proto_header hdr;
        const char *why = NULL;
        enum proto_status st = proto_peek(buf, left, &hdr, &why);
        /* The header alone, as the server peeks it. */
        struct proto_header hdr2;
        enum proto_status st2 = left >= PROTO_HEADER_SIZE
                                    ? proto_peek(buf, PROTO_HEADER_SIZE, &hdr2, NULL)
                                    : PROTO_INCOMPLETE;
        if (st == PROTO_BAD) {
            if (why == NULL || st2 != PROTO_BAD)
                fail("PROTO_BAD without a reason, or only with the payload", pos);
            free(buf);
            return;
        }
        if (st == PROTO_INCOMPLETE) {
            if (left >= PROTO_HEADER_SIZE && PROTO_HEADER_SIZE + (size_t)hdr.len <= left)
                fail("PROTO_INCOMPLETE for a complete message", pos);
            free(buf);
            return;
        }
        if (st != PROTO_OK || left < PROTO_HEADER_SIZE + (size_t)hdr.len ||
            hdr.len > PROTO_MAX_PAYLOAD || hdr.type == 0 || hdr.type >= MSG_TYPE_MAX)
            fail("PROTO_OK for a message that does not fit", pos);
        if (st2 == PROTO_BAD || hdr2.type != hdr.type || hdr2.len != hdr.len)
            fail("the header alone decodes differently", pos);
        /* The payload on its own, exact size. */
        char *payload = malloc(hdr.len > 0 ? hdr.len : 1);
        memcpy(payload, buf + PROTO_HEADER_SIZE, hdr.len);
        walk_strings(payload, hdr.len, 0);
        if (hdr.type == MSG_IDENTIFY && hdr.len >= sizeof(struct proto_identify))
            walk_strings(payload, hdr.len, sizeof(struct proto_identify));
        free(payload);
        free(buf);
        pos += PROTO_HEADER_SIZE + hdr.len;
    }
}

/* ---- 2. The server's side ------------------------------------------------------ */

static void drain(int fd)
{
    char buf[4096];
    while (read(fd, buf, sizeof buf) > 0)
        ;
}

static void serve(const uint8_t *data, size_t size)
{
    struct server *srv = fake_server_create(true);
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        abort();
    int bufsize = 1 << 20;
    setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &bufsize, sizeof bufsize);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    struct client *c = server_msg_accept(srv, sv[0]);
    c->uid = getuid();

    /* Write what the socket takes, turn the loop, read what the server sent back;
     * after the last byte the client hangs up (EOF), and the server must let it go. */
    size_t sent = 0;
    for (int i = 0; i < 10000 && !TAILQ_EMPTY(&srv->clients); i++) {
        if (sent < size) {
            ssize_t n = write(sv[1], data + sent, size - sent);
            if (n > 0)
                sent += (size_t)n;
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                sent = size;
            if (sent == size)
                shutdown(sv[1], SHUT_WR);
        }
        event_base_loop(srv->base, EVLOOP_NONBLOCK);
        drain(sv[1]);
    }
    close(sv[1]);
    fake_server_free(srv); /* frees a client still there (server_client_free) */
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    signal(SIGPIPE, SIG_IGN); /* as the server does */
    log_open("/dev/null");
    cmd_gate_selftest();
    return 0;
}

/* tmx -H's client reading what ssh printed: the hello line found past any banner, its
 * offsets inside the input, then the messages after it as the client splits them. */
static void decode_hello(const uint8_t *data, size_t size)
{
    char *copy = malloc(size > 0 ? size : 1);
    memcpy(copy, data, size);
    size_t skip = 0, used = 0;
    uint32_t min = 0, max = 0;
    char version[40];
    enum proto_status st = proto_hello_parse(copy, size, &skip, &used, &min, &max, version,
                                             sizeof version);
    if (st == PROTO_OK) {
        if (skip >= used || used > size || min == 0 || min > max ||
            strlen(version) >= sizeof version)
            fail("hello parsed out of bounds", used);
        decode_stream((const uint8_t *)copy + used, size - used);
    }
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    decode_stream(data, size);
    decode_hello(data, size);
    serve(data, size);
    return 0;
}
