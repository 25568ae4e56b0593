/* keeper_link.h - the server's side of the keeper (keeper/keeper.h): connect to the
 * keeper of this socket or start one, adopt the panes it kept, ask it to spawn a program
 * on a pty the server opened, tell it when a pane's pty is closed, hear exits. The server
 * keeps reading and writing each master itself: nothing here is on the output path.
 * Exits and the keeper's loss are reported up through the ops given to open. */
#ifndef TMX_KEEPER_LINK_H
#define TMX_KEEPER_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct event_base;
struct keeper_link;
struct keeper_ring;

struct keeper_link_ops {
    /* A program the keeper spawned for pane id was reaped. */
    void (*exited)(void *arg, uint32_t id, pid_t pid, int status);
    /* The keeper went away: programs started by it are no longer reported. */
    void (*lost)(void *arg);
};

/* A pane the keeper kept while no server was attached. */
struct keeper_adopted {
    uint32_t id;
    pid_t pid;
    int fd;          /* the pty master, -1 if the keeper had closed it (EOF) */
    bool exited;     /* the program ended: status is its wait status */
    int status;
    int cols, rows;
    char *tag;       /* what the previous server tagged it with */
    /* Its output ring in shared memory (keeper_ring.h), mapped; NULL from a version-1
     * keeper, which sends what the program printed with no server as ring below. */
    struct keeper_ring *shared;
    char *ring;      /* (version 1) what it printed with no server attached, oldest first */
    size_t ring_len;
    size_t ring_cap; /* what the keeper announced (ring_len once all arrived) */
    uint32_t dropped; /* bytes before those that the ring could not keep */
};

/* Start the keeper for path at once, when nothing is at path (no keeper can listen
 * there): forked from this process, not re-executed, so it is ready while the server
 * builds its state. Call it before the server has built anything (the keeper keeps a
 * copy of this process's memory as it is then). to_root: the keeper works from /. Its
 * title goes into title_area (the argv memory) when given. The server's end of the
 * keeper's first connection, for keeper_link_open; -1 when a keeper may listen at path
 * (or the start failed): keeper_link_open then connects, or starts one itself. */
int keeper_link_prestart(const char *path, const char *label, bool to_root, char *title_area,
                         size_t title_size);
/* Connect to the keeper listening at path, or start one (this binary re-executed) when
 * none answers; started >= 0: the connection keeper_link_prestart gave (the link owns
 * it). Panes it kept are in *adopted (*nadopted of them; the caller owns them:
 * keeper_link_adopted_free). NULL with err set when neither works. */
struct keeper_link *keeper_link_open(struct event_base *base, const char *path,
                                     const char *label, int started, size_t ring_size,
                                     const struct keeper_link_ops *ops, void *arg,
                                     struct keeper_adopted **adopted, size_t *nadopted,
                                     char *err, size_t errsize);
void keeper_link_adopted_free(struct keeper_adopted *adopted, size_t n);
/* What to run: argv[0..argc) through file (searched in env's PATH when it has no '/'). */
struct keeper_spawn {
    uint32_t id;
    int cols, rows;
    const char *file;
    char *const *argv;
    char *const *env;
    const char *cwd;
    const char *tag;
    int master, slave; /* the pty the server opened (the slave is the program's) */
    size_t ring_size;  /* its output ring's (0: none) */
};
/* Run a program by the keeper (starting a new keeper if the last one went away). The
 * pid, or -1 with err set (errno of the failed exec in *exec_errno, else 0). *ring: the
 * program's output ring, mapped (NULL: none, e.g. a version-1 keeper). */
pid_t keeper_link_spawn(struct keeper_link *k, const struct keeper_spawn *sp, int *exec_errno,
                        struct keeper_ring **ring, char *err, size_t errsize);
/* The server closed pane id's pty (killed, dead, respawned): the keeper drops it. */
void keeper_link_forget(struct keeper_link *k, uint32_t id, pid_t pid);
/* Where pane id is now (session and window), for a server that finds no snapshot. */
void keeper_link_tag(struct keeper_link *k, uint32_t id, const char *tag);
/* How long the keeper, left with no server and no program running, waits for a server
 * before it appends the programs' exit statuses and last output to the snapshot file
 * (path; "" none) and exits (KEEPER_GRACE_FOREVER: no end). A version-2 keeper is told
 * nothing: it waits forever. */
void keeper_link_keep(struct keeper_link *k, uint32_t grace, const char *snapshot);
/* The server ends on purpose: the keeper hangs up what is left and exits. */
void keeper_link_bye(struct keeper_link *k);
/* The keeper's pid, 0 if none is attached. */
pid_t keeper_link_pid(const struct keeper_link *k);
void keeper_link_free(struct keeper_link *k);

#endif
