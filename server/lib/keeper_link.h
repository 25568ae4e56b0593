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
    char *ring;      /* what it printed with no server attached, oldest first */
    size_t ring_len;
    size_t ring_cap; /* what the keeper announced (ring_len once all arrived) */
    uint32_t dropped; /* bytes before those that the ring could not keep */
};

/* Connect to the keeper listening at path, or start one (this binary re-executed) when
 * none answers. Panes it kept are in *adopted (*nadopted of them; the caller owns them:
 * keeper_link_adopted_free). NULL with err set when neither works. */
struct keeper_link *keeper_link_open(struct event_base *base, const char *path,
                                     const char *label, size_t ring_size,
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
};
/* Run a program by the keeper (starting a new keeper if the last one went away). The
 * pid, or -1 with err set (errno of the failed exec in *exec_errno, else 0). */
pid_t keeper_link_spawn(struct keeper_link *k, const struct keeper_spawn *sp, int *exec_errno,
                        char *err, size_t errsize);
/* The server closed pane id's pty (killed, dead, respawned): the keeper drops it. */
void keeper_link_forget(struct keeper_link *k, uint32_t id, pid_t pid);
/* Where pane id is now (session and window), for a server that finds no snapshot. */
void keeper_link_tag(struct keeper_link *k, uint32_t id, const char *tag);
/* The server ends on purpose: the keeper hangs up what is left and exits. */
void keeper_link_bye(struct keeper_link *k);
/* The keeper's pid, 0 if none is attached. */
pid_t keeper_link_pid(const struct keeper_link *k);
void keeper_link_free(struct keeper_link *k);

#endif
