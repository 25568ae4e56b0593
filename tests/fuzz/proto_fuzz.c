/* proto_fuzz.c - libFuzzer target for the client -> server protocol.
 *
 * 1. The decoder alone (common/proto): the input is a byte stream from a client, split
 *    into messages with proto_peek as the server does, each payload walked with
 *    proto_next_string (the MSG_IDENTIFY strings after struct proto_identify, the
 *    MSG_COMMAND argv, MSG_ENVIRON). Buffers are exact-size heap copies, so ASan flags
 *    any read past a length; the results are checked against the lengths.
 * 2. The server's own decoder (server_client.c: client_read_cb, client_identify, the
 *    MSG_ENVIRON / MSG_RESIZE / MSG_COMMAND handling): the same bytes are written into
 *    one end of a socketpair whose other end is a server client on a private libevent
 *    loop of a server without sessions, with the debug log on (DESIGN.md pitfall 9,
 *    into /dev/null). MSG_COMMAND messages are passed only for commands that cannot
 *    start processes, write files or stop the server (the first one naming any other
 *    command ends the stream there); the server must survive and close or answer the
 *    client, never crash. */
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

#include "cmd.h"
#include "key_bindings.h"
#include "log.h"
#include "proto.h"
#include "server_client.h"
#include "server_int.h"
#include "xmalloc.h"

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

/* ---- 2. The server's decoder -------------------------------------------------- */

static struct server *srv;

/* Commands a fuzzed MSG_COMMAND may run: they only read the (empty) server state. */
static bool command_allowed(const char *payload, size_t len)
{
    static const char *const allowed[] = {
        "has-session",  "list-sessions", "list-commands", "list-keys",
        "show-options", "display-message", "start-server", NULL,
    };
    size_t off = 0;
    const char *name = proto_next_string(payload, len, &off);
    if (name == NULL)
        return true; /* no argv: nothing runs */
    const char *why = NULL;
    const struct cmd_entry *e = cmd_lookup(name, &why);
    if (e == NULL)
        return true; /* an unknown command is only an error message */
    for (const char *const *a = allowed; *a != NULL; a++) {
        if (strcmp(e->name, *a) == 0)
            return true;
    }
    return false;
}

/* How many bytes of data to send: up to the first MSG_COMMAND that is not allowed. */
static size_t safe_prefix(const uint8_t *data, size_t size)
{
    size_t pos = 0;
    while (pos < size) {
        struct proto_header hdr;
        if (proto_peek(data + pos, size - pos, &hdr, NULL) != PROTO_OK)
            return size;
        if (hdr.type == MSG_COMMAND &&
            !command_allowed((const char *)data + pos + PROTO_HEADER_SIZE, hdr.len))
            return pos;
        pos += PROTO_HEADER_SIZE + hdr.len;
    }
    return size;
}

static void drain(int fd)
{
    char buf[4096];
    while (read(fd, buf, sizeof buf) > 0)
        ;
}

static void serve(const uint8_t *data, size_t size)
{
    size = safe_prefix(data, size);
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        abort();
    int bufsize = 1 << 20;
    setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &bufsize, sizeof bufsize);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    struct client *c = server_client_create(srv, sv[0]);
    c->uid = getuid();

    size_t sent = 0;
    for (int i = 0; i < 10000 && !TAILQ_EMPTY(&srv->clients); i++) {
        if (sent < size) {
            ssize_t n = write(sv[1], data + sent, size - sent);
            if (n > 0)
                sent += (size_t)n;
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                sent = size;
            if (sent == size)
                shutdown(sv[1], SHUT_WR); /* EOF after the data: the client is gone */
        }
        event_base_loop(srv->base, EVLOOP_NONBLOCK);
        drain(sv[1]);
    }
    /* Still there (exiting with unsent output, or the loop bound): close it now. */
    while ((c = TAILQ_FIRST(&srv->clients)) != NULL)
        server_client_free(c);
    close(sv[1]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    signal(SIGPIPE, SIG_IGN);
    log_open("/dev/null");
    srv = xcalloc(1, sizeof *srv);
    srv->base = event_base_new();
    TAILQ_INIT(&srv->clients);
    TAILQ_INIT(&srv->sessions);
    srv->socket_path = xstrdup("/tmp/tmx-fuzz/default");
    srv->label = xstrdup("default");
    srv->pid = getpid();
    srv->listen_fd = -1;
    srv->prefix = 'b' | KEYC_CTRL;
    srv->history_limit = 2000;
    srv->default_shell = xstrdup("/bin/sh");
    srv->default_terminal = xstrdup("tmux-256color");
    srv->escape_time_ms = 10;
    srv->kill_grace = 10;
    key_bindings_init(srv);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    decode_stream(data, size);
    serve(data, size);
    return 0;
}
