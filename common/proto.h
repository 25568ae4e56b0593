/* proto.h - client <-> server messages on the Unix socket: a fixed 8-byte header
 * (type, payload length) then the payload. The decoder checks every length before it
 * reads; a malformed message makes the caller close that one connection. */
#ifndef TMX_PROTO_H
#define TMX_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bumped whenever a message changes. A server accepts a client speaking any version
 * from PROTO_VERSION_MIN to PROTO_VERSION and sends it only what that version knows
 * (docs/protocol.md, "Versions"); proto_versions() says what this binary speaks. */
/* Bumping it: also update the MSG_IDENTIFY version in tests/fuzz/corpus/proto/ (a
 * stale seed corpus never gets past identify, and the fuzzer loses the server side). */
#define PROTO_VERSION 5
#define PROTO_VERSION_MIN 4
/* Largest payload either side accepts. */
#define PROTO_MAX_PAYLOAD (1u << 20)

enum proto_type {
    /* client -> server */
    MSG_IDENTIFY = 1, /* first message: struct proto_identify + term\0 cwd\0 */
    MSG_ENVIRON,      /* one NAME=VALUE\0 of the client's environment */
    MSG_COMMAND,      /* argv strings, each NUL-terminated; ends identification */
    MSG_INPUT,        /* raw bytes typed in the client's terminal */
    MSG_RESIZE,       /* uint32 cols, uint32 rows */
    /* server -> client */
    MSG_READY,        /* the client is attached: uint32 READY_* flags; enter raw mode */
    MSG_OUTPUT,       /* bytes for the client's terminal */
    MSG_STDOUT,       /* text for the client's stdout (command output) */
    MSG_STDERR,       /* text for the client's stderr (errors) */
    MSG_EXIT,         /* int32 status, then a message\0 the client prints on exit, then
                       * optionally a PROTO_EXIT_* byte and a command\0 */
    MSG_READ_STDIN,   /* empty: send your stdin (load-buffer -) as MSG_STDIN */
    /* client -> server */
    MSG_STDIN,        /* bytes of the client's stdin; an empty payload is its end */
    MSG_TTY,          /* empty, with the client's terminal as an SCM_RIGHTS fd */
    MSG_TTY_READY,    /* empty: the terminal is in raw mode and cleared; draw on it */
    MSG_SUSPEND,      /* S->C, empty: restore the terminal and stop (SIGTSTP) */
    MSG_WAKEUP,       /* C->S, empty: continued, the terminal is raw again: redraw */
    MSG_LOCK,         /* S->C, a shell command\0: restore the terminal, run it (lock-command),
                       * take the terminal again and answer MSG_WAKEUP (version 5) */
    /* version 5 */
    MSG_PING,         /* heartbeat, up to PROTO_PING_MAX bytes: answered with MSG_PONG and
                       * the same bytes (by the stdio relay of tmx -H, or a server) */
    MSG_PONG,         /* the answer to MSG_PING */
    MSG_SESSION,      /* S->C: the session the client is attached to now: "$id\0name\0" */
    MSG_PREDICT,      /* S->C, before each relayed frame to an IDENT_PREDICT client: uint32
                       * 1 when a printable key typed now would be echoed where the
                       * cursor is (tmx -H's predictive echo), else 0 */
    MSG_TYPE_MAX
};

#define PROTO_PING_MAX 64

struct proto_header {
    uint32_t type;
    uint32_t len; /* payload bytes following the header */
};
#define PROTO_HEADER_SIZE 8

/* Identification flags. */
enum {
    IDENT_TTY = 1 << 0,       /* stdin is a terminal */
    IDENT_UTF8 = 1 << 1,      /* the client's locale is UTF-8 */
    IDENT_TRUECOLOR = 1 << 2, /* COLORTERM said truecolor/24bit */
    IDENT_CONTROL = 1 << 3,   /* -C: a control-mode client (server/clients/control.c) */
    IDENT_CONTROL_CC = 1 << 4, /* -CC: the same, its terminal wrapped in a DCS */
    IDENT_PREDICT = 1 << 5,   /* version 5: send MSG_PREDICT with frames (tmx -H) */
};

/* MSG_EXIT's optional tail, after the message: a uint8 how, then a string (the command
 * for PROTO_EXIT_EXEC). */
enum {
    PROTO_EXIT_PLAIN = 0,
    PROTO_EXIT_HUP = 1,  /* send SIGHUP to the client's parent (detach -P, attach -x) */
    PROTO_EXIT_EXEC = 2, /* replace the client with a shell command (detach -E) */
    PROTO_EXIT_WAIT = 3, /* a control client with wait-exit: after %exit, wait for an
                          * empty line on stdin */
    PROTO_EXIT_REATTACH = 4, /* server-upgrade: connect again (the lock of "connect or
                              * start" is held until the new server listens) and attach
                              * to the session named by the string; a client that does
                              * not know this shows the message and exits */
};

/* MSG_READY flags. */
enum {
    /* The server reads keys from and draws on the terminal the client passed with
     * MSG_TTY: the client stops relaying and sends MSG_TTY_READY once in raw mode. */
    READY_TTY = 1 << 0,
};

struct proto_identify {
    uint32_t version;
    uint32_t flags;
    uint32_t cols, rows;
    int32_t pid;
    /* term, cwd as NUL-terminated strings follow */
};

enum proto_status { PROTO_OK = 1, PROTO_INCOMPLETE = 0, PROTO_BAD = -1 };

/* Look at buf for one complete message. PROTO_OK: *hdr is filled and the payload is at
 * buf + PROTO_HEADER_SIZE; PROTO_INCOMPLETE: read more; PROTO_BAD: unknown type or a
 * payload over PROTO_MAX_PAYLOAD (why in *why). */
enum proto_status proto_peek(const void *buf, size_t len, struct proto_header *hdr,
                             const char **why);

/* Write header + payload into out (PROTO_HEADER_SIZE + len bytes). */
void proto_encode_header(uint32_t type, uint32_t len, void *out);

/* The protocol versions this binary speaks, *min..*max: PROTO_VERSION_MIN..PROTO_VERSION.
 * TMX_PROTO_VERSION=N in the environment makes it speak as another release would, for
 * tests of version skew: up to N when N is in the range, else N alone. */
void proto_versions(uint32_t *min, uint32_t *max);

/* The version two sides speaking amin..amax and bmin..bmax agree on: the highest both
 * speak, 0 when there is none. */
uint32_t proto_negotiate(uint32_t amin, uint32_t amax, uint32_t bmin, uint32_t bmax);

/* The line the stdio relay of tmx -H writes first on its stdout, before any message:
 * "%tmx-stdio MIN MAX TMXVERSION\n". What ssh or the remote shell prints before it
 * (banners, motd) is skipped by looking for PROTO_HELLO_MAGIC. */
#define PROTO_HELLO_MAGIC "%tmx-stdio "
#define PROTO_HELLO_MAX 128 /* the whole line, at most */
/* Format the hello line into buf (size >= PROTO_HELLO_MAX); returns its length. */
size_t proto_hello_format(char *buf, size_t size, uint32_t min, uint32_t max,
                          const char *version);
/* Find the hello line in buf: PROTO_OK with *skip (bytes before it), *used (bytes up to
 * and including its newline), the versions and the remote tmx's version (NUL-terminated,
 * at most vsize); PROTO_INCOMPLETE: not (all) there yet; PROTO_BAD: the magic is there
 * but the line is malformed. */
enum proto_status proto_hello_parse(const char *buf, size_t len, size_t *skip, size_t *used,
                                    uint32_t *min, uint32_t *max, char *version,
                                    size_t vsize);

/* Take the next NUL-terminated string from payload at *off; NULL if none is there
 * (missing terminator). */
const char *proto_next_string(const void *payload, size_t len, size_t *off);

/* A MSG_EXIT payload, read: the strings point into the payload. */
struct proto_exit {
    int32_t status;      /* 1 when the payload is too short to hold one */
    const char *message; /* what the client prints on exit; NULL when empty or missing */
    uint8_t how;         /* PROTO_EXIT_*, PROTO_EXIT_PLAIN without the optional tail */
    const char *command; /* PROTO_EXIT_EXEC's command; NULL when not sent */
};

/* Read MSG_EXIT's payload (its layout is at MSG_EXIT); never reads past len. */
void proto_exit_parse(const void *payload, size_t len, struct proto_exit *out);

#endif
