/* keeper_proto.h - messages between the server and the keeper (keeper/keeper.c), the
 * process that is the parent of every pane's program and holds every pty master so that
 * programs outlive the server. One message is one SOCK_SEQPACKET packet: an 8-byte header
 * (type, payload length) then the payload; descriptors ride on the packet that names
 * them (SCM_RIGHTS). The decoder checks every length and count before it reads; a
 * malformed packet makes the reader drop that peer. docs/protocol.md describes them. */
#ifndef TMX_KEEPER_PROTO_H
#define TMX_KEEPER_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* 2: output rings in shared memory (keeper_ring.h) ride with SPAWNED and PANE, and a
 * SPAWN says its ring's size. A keeper still speaks 1 to a server that says 1 (the ring
 * then comes as RING packets); a server that a version-1 keeper refuses says 1 again.
 * 3: KEEP (how long a keeper with no server and no program left waits, and the snapshot
 * it leaves their exit statuses in); a server that a version-2 keeper refuses says 2. */
#define KEEPER_PROTO_VERSION 3
#define KEEPER_PROTO_MIN 1
/* argv[1] of this binary re-executed as the keeper (keeper/keeper.h). */
#define KEEPER_ARGV1 "__keeper"
#define KEEPER_HEADER_SIZE 8
/* Largest packet either side sends or accepts (header included): under the default
 * socket buffer, so a packet never waits for a larger buffer. */
#define KEEPER_MSG_MAX (128u * 1024)
/* A spawn larger than one packet (100,000 arguments) comes in KMSG_PART packets before
 * its KMSG_SPAWN; the whole is bounded by this. */
#define KEEPER_SPAWN_MAX (4u << 20)
/* Ring bytes per KMSG_RING packet. */
#define KEEPER_RING_CHUNK (64u * 1024)
/* Bounds on what one spawn may carry. */
#define KEEPER_ARGC_MAX (1u << 20)
#define KEEPER_ENVC_MAX 16384u
/* The default output ring of a pane (option output-ring-size). */
#define KEEPER_RING_DEFAULT (1u << 20)
#define KEEPER_RING_MAX (64u << 20)
/* The snapshot record (docs/protocol.md, "Snapshot files") a keeper that leaves appends:
 * its programs' exit statuses and last output; and the most bytes it may hold. */
#define KEEPER_SNAP_REC_EXITS 4
#define KEEPER_SNAP_EXITS_MAX (48u << 20)
/* KMSG_KEEP's grace that never ends (a keeper no version-3 server spoke to waits so). */
#define KEEPER_GRACE_FOREVER UINT32_MAX

enum keeper_type {
    KMSG_HELLO = 1, /* S->K: u32 version, u32 ring size. Answered by WELCOME, the
                     * panes (PANE, RING...), DONE; or REFUSED */
    KMSG_WELCOME,   /* K->S: u32 version, u32 keeper pid, u32 number of panes */
    KMSG_REFUSED,   /* K->S: a reason\0; the keeper closes the connection */
    KMSG_SPAWN,     /* S->K: u32 id, u16 cols, u16 rows, u32 argc, u32 envc, then file\0,
                     * argv\0 x argc, env\0 x envc, cwd\0, tag\0, (version 2) u32 ring
                     * size (0: none); fds: master, slave */
    KMSG_SPAWNED,   /* K->S: u32 id, i32 pid (or -1), i32 errno of a failed fork or exec;
                     * fd (version 2): the pane's output ring, if one was made */
    KMSG_EXIT,      /* K->S: u32 id, i32 pid, i32 wait status */
    KMSG_FORGET,    /* S->K: u32 id, i32 pid: the server closed the pane's pty */
    KMSG_TAG,       /* S->K: u32 id, tag\0 (where the pane is, for a server with no snapshot) */
    KMSG_PANE,      /* K->S: u32 id, i32 pid, u32 flags, i32 wait status, u32 ring bytes,
                     * u32 dropped bytes, u16 cols, u16 rows, tag\0; fds: the master if
                     * KPANE_FD, then its output ring if KPANE_RING (version 2) */
    KMSG_RING,      /* K->S (version 1): u32 id, then bytes the program wrote with no
                     * server attached */
    KMSG_DONE,      /* K->S: every pane was sent */
    KMSG_BYE,       /* S->K: the server ends on purpose: hang up every pane, exit */
    KMSG_PART,      /* S->K: the first bytes of a KMSG_SPAWN payload too large for one
                     * packet; the KMSG_SPAWN that follows carries the rest */
    KMSG_PROBE,     /* C->K (a client): is there a keeper with panes and no server?
                     * Answered by WELCOME (no server attached) or REFUSED */
    KMSG_KEEP,      /* S->K (version 3): u32 grace seconds (KEEPER_GRACE_FOREVER: no
                     * end), snapshot path\0 ("" none): once no server is attached and
                     * every program ended, the keeper waits that long for one, then
                     * appends their exit statuses and last output to the snapshot and exits */
    KMSG_TYPE_MAX
};

enum {
    KPANE_EXITED = 1 << 0, /* the program was reaped: the status is valid */
    KPANE_FD = 1 << 1,     /* the pty master comes with the packet */
    KPANE_RING = 1 << 2,   /* its output ring comes with the packet (keeper_ring.h) */
};

/* One decoded message. Strings point into the packet (valid while it is); argv and env
 * are arrays the decoder allocates (keeper_msg_clear frees them). */
struct keeper_msg {
    uint32_t type;
    uint32_t version, ring_size, npanes;
    bool has_ring_size; /* a version-2 SPAWN: ring_size is its ring's */
    uint32_t id;
    int32_t pid, status, error;
    uint32_t flags, ring_bytes, dropped;
    uint32_t grace; /* KEEP: seconds (text: the snapshot path) */
    uint16_t cols, rows;
    const char *text; /* REFUSED reason, TAG/PANE/SPAWN tag */
    const char *file, *cwd;
    uint32_t argc, envc;
    char **argv, **env; /* NULL-terminated */
    const char *data;   /* RING bytes */
    size_t size;
};

/* Decode one packet of len bytes (a KMSG_SPAWN put back together from its parts may be
 * up to KEEPER_SPAWN_MAX). Returns 0, or -1 (malformed: drop the peer). */
int keeper_msg_decode(const void *packet, size_t len, struct keeper_msg *m);
void keeper_msg_clear(struct keeper_msg *m);

/* A packet being built; keeper_buf_* never fail (xmalloc), keeper_buf_ok says whether
 * it still fits KEEPER_MSG_MAX. */
struct keeper_buf {
    char *data;
    size_t len, cap;
};
void keeper_buf_start(struct keeper_buf *b, uint32_t type);
void keeper_buf_u16(struct keeper_buf *b, uint16_t v);
void keeper_buf_u32(struct keeper_buf *b, uint32_t v);
void keeper_buf_str(struct keeper_buf *b, const char *s);
void keeper_buf_bytes(struct keeper_buf *b, const void *p, size_t n);
/* Writes the payload length into the header; false if the packet is too large. */
bool keeper_buf_finish(struct keeper_buf *b);
void keeper_buf_free(struct keeper_buf *b);

/* Send a KMSG_SPAWN of any size up to KEEPER_SPAWN_MAX: KMSG_PART packets then the
 * KMSG_SPAWN, the descriptors on the last. Returns 0, or -1 with errno. */
int keeper_send_spawn(int fd, const struct keeper_buf *b, const int *fds, int nfds,
                      int timeout_ms);
/* Send a finished packet with nfds descriptors (0-2), waiting up to timeout_ms for
 * room. Returns 0, or -1 with errno. */
int keeper_send(int fd, const struct keeper_buf *b, const int *fds, int nfds, int timeout_ms);
/* Receive one packet into buf (KEEPER_MSG_MAX bytes) and up to 2 descriptors (the
 * others are closed; fds[i] is -1 when absent). Returns its length, 0 at end of file, -1
 * with errno (EAGAIN when nothing waits). */
ssize_t keeper_recv(int fd, void *buf, int *fds);

#endif
