/* snapshot.h - the server's state kept in a file so that it outlives the server (issue
 * 20): sessions, windows, links, layouts, panes (screen, history, modes, cursor, title,
 * directory, command), options set at run time, environments and buffers, in
 * $XDG_STATE_HOME/tmx/LABEL.snap. Written on a timer (snapshot-interval) and only what
 * changed since the last write is appended; restored into a fresh server by the keeper's
 * adoption (live programs) or `tmx resurrect` (after a reboot: each command behind a
 * "press Enter to run" prompt). The format: docs/protocol.md, "Snapshot files". */
#ifndef TMX_SNAPSHOT_H
#define TMX_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct server;
struct window;
struct pane;
struct spawn_args;

/* Start snapshotting (server.c, once the server listens). A file left by a server that
 * died is first moved aside to LABEL.last.snap (what resurrect and `tmx ls` read) unless
 * snapshot_restore already took it. */
void snapshot_init(struct server *s);
/* The server is stopping: 'keep' (SIGTERM, a reboot) writes everything now and leaves the
 * file for resurrect; otherwise (kill-server, the last session gone) the file is
 * removed. Stops the timer. */
void snapshot_stop(struct server *s, bool keep);
void snapshot_free(struct server *s);
/* An option changed: the timer starts again if snapshot-interval became non-zero. */
void snapshot_interval_changed(struct server *s);
/* Something the snapshot holds may have changed (a command ran): the timer is armed to
 * write it. Without such a call or a notification the timer sleeps. */
void snapshot_touch(struct server *s);
/* The notification listener (server.c registers it): pane output, exits, renames and
 * layouts arm the timer. */
struct notify;
void snapshot_notify(struct server *s, const struct notify *n);
/* Write a whole snapshot now (write, fsync, rename): 0, or -1 with err set. path NULL:
 * the server's own file. (server-upgrade hands this to the new server.) */
int snapshot_write_now(struct server *s, const char *path, char *err, size_t errsize);
/* Append what changed since the last write to the server's own file now, as the timer
 * does (the whole file, made durable, when none is open yet): 0, or -1 with err set. */
int snapshot_write_changes(struct server *s, char *err, size_t errsize);
/* The server's snapshot file, and the one left by a server that died. */
bool snapshot_path(const struct server *s, char *buf, size_t size);
bool snapshot_last_path(const struct server *s, char *buf, size_t size);
/* The same for a socket label (-L name or -S path) and suffix (".snap", ".last.snap"),
 * without a server. */
bool snapshot_label_path(const char *label, const char *suffix, char *buf, size_t size);

/* What the keeper knows of a pane of the snapshot. */
struct snapshot_pane_live {
    int fd;             /* pty master the keeper passed, -1 if the program ended meanwhile */
    pid_t pid;          /* its program */
    /* The pane's output ring (notes/keeper-snapshot.md): its last ring_len bytes, the
     * last of them byte number head - 1 of all the program ever wrote. The bytes after
     * the ones the saved screen has seen are fed to the vt after it (all of them when
     * the snapshot has no head for the pane); a gap is said in the report. */
    const void *ring;
    size_t ring_len;
    uint64_t head;
    bool exited;        /* ended meanwhile: the pane comes back dead with wait_status */
    int wait_status;
};

struct snapshot_restore_ops {
    /* Called once per pane id of the snapshot. true and *live filled: the keeper holds
     * it; false: no program (it comes back dead in SNAPSHOT_ADOPT, behind the prompt in
     * SNAPSHOT_RESURRECT). */
    bool (*pane_live)(void *arg, uint32_t pane_id, struct snapshot_pane_live *live);
    /* Make the pane of w around live->fd/pid; NULL on failure (then it comes back
     * dead). */
    struct pane *(*adopt)(void *arg, struct window *w, const struct spawn_args *args,
                          const struct snapshot_pane_live *live);
};

/* The keeper's output rings, for the writer: each SCREEN record keeps the head of the
 * pane's ring it stands for, and a pane whose ring took more than half its size since
 * is written on the next second's tick, whatever snapshot-interval says. */
struct snapshot_ring_ops {
    /* The pane's ring: total bytes ever appended, and its size; false: none. */
    bool (*ring)(void *arg, const struct pane *p, uint64_t *head, uint64_t *size);
};
void snapshot_set_ring_ops(struct server *s, const struct snapshot_ring_ops *ops, void *arg);

enum snapshot_mode {
    SNAPSHOT_ADOPT,     /* a restarted server: programs are the keeper's or gone */
    SNAPSHOT_RESURRECT, /* after a reboot: programs run again, after Enter */
};

/* Restore what the file at path holds into s: sessions whose name is taken are left
 * out. Never crashes on a bad file: what could not be restored is said in *report (one
 * line each; caller frees; NULL when everything was). Returns the number of sessions
 * restored, or -1 when the file could not be read at all (report says why). ops may be
 * NULL (no keeper). */
int snapshot_restore(struct server *s, const char *path, enum snapshot_mode mode,
                     const struct snapshot_restore_ops *ops, void *arg, char **report);

/* The sessions of the snapshot a dead server left (LABEL.last.snap) that no live
 * session has the name of, one "NAME: N windows (saved DATE)" line each, into a string
 * (caller frees); NULL when there are none. */
char *snapshot_resurrectable(struct server *s);

/* With no server running (the client's `tmx ls`): the sessions of the snapshot the last
 * server of that label left, as above (all of them); NULL when there is none. */
char *snapshot_resurrectable_label(const char *label);

/* Measurement: time spent writing snapshots, in microseconds, and bytes written. */
void snapshot_stats(const struct server *s, uint64_t *usec, uint64_t *bytes, unsigned *writes);

#endif
