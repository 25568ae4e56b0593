/* cmd_queue.h - running command lists in order: a queue per client (its command line,
 * its bindings) and one for the server (the config, hooks). A command runs when those
 * before it are done; one that waits (run-shell, if-shell) holds its queue until it
 * calls cmdq_resume, and may insert commands to run right after itself (if-shell's
 * branch, source-file's file). A failing command removes the rest of its group (a config
 * line, a command line). Where output and errors go is the caller's: an output function
 * is called after each command with its ctx. */
#ifndef TMX_CMD_QUEUE_H
#define TMX_CMD_QUEUE_H

#include <stdbool.h>
#include <stdint.h>
#include "cmd.h"

struct server;
struct client;
struct cmd_ctx;
struct cmd_list;
struct cmdq;
struct cmdq_item;
struct cmdq_state;

/* After each command: ctx->out and ctx->err hold what it printed; status 0 or 1. */
typedef void (*cmdq_output_fn)(void *arg, struct cmd_ctx *ctx, int status);
/* A callback item reached its turn; st is the state it was queued with. */
typedef void (*cmdq_callback_fn)(struct cmdq_state *st, void *arg);

/* How the commands of a run are run, shared by their items. */
struct cmdq_state {
    int refs;
    struct server *server;
    struct client *client;   /* NULL: none (config, hooks), or gone */
    bool from_key;
    uint32_t target_pane;    /* pane id "no -t" means (a hook's pane), or UINT32_MAX */
    struct cmd_find_state current; /* what an earlier command made current (cmd_ctx.current) */
    cmdq_output_fn output;   /* may be NULL: output dropped */
    void *output_arg;
    void (*free_arg)(void *arg); /* frees output_arg with the state, or NULL */
    /* What the commands did, for who waits on the run (a command-line client). */
    bool failed;             /* a command failed */
    int status;              /* a status a command gave (run-shell's, wait-pane's) */
    bool status_set;
    bool no_hooks;           /* a hook's own commands: they fire no after-COMMAND hook */
    /* Formats every command of the run sees (a hook's #{hook}, #{hook_pane}...): NAME,
     * VALUE, NAME, VALUE..., then NULL; NULL when none. Owned by the state. */
    char **formats;
    size_t nformats;
    bool attached, waits, detached;
};

struct cmdq_state *cmdq_state_new(struct server *s, struct client *c, bool from_key,
                                  cmdq_output_fn output, void *arg);
void cmdq_state_ref(struct cmdq_state *st);
/* Add a format NAME=VALUE for the commands of st (see formats). */
void cmdq_state_add_format(struct cmdq_state *st, const char *name, const char *value);
void cmdq_state_unref(struct cmdq_state *st);

/* The queue of client c (created on first use), or the server's (c NULL). */
struct cmdq *cmdq_get(struct server *s, struct client *c);
/* Free a client's queue (it is going): waiting items are forgotten. */
void cmdq_free_client(struct client *c);
/* Free the server's queue and everything in it. */
void cmdq_free_server(struct server *s);
/* Append a list (a reference is taken) or a callback, then run the queue. */
void cmdq_append(struct cmdq *q, struct cmd_list *list, struct cmdq_state *st);
void cmdq_append_callback(struct cmdq *q, struct cmdq_state *st, cmdq_callback_fn fn, void *arg);
/* Insert a list to run right after the command of ctx (after anything it inserted
 * before), with the same state. */
void cmdq_insert_after(struct cmd_ctx *ctx, struct cmd_list *list);
/* A hook's commands: right after the command running now (whatever its queue), else
 * on the server's queue. */
void cmdq_insert_hook(struct server *s, struct cmd_list *list, struct cmdq_state *st);
/* The command of ctx will finish later: its queue holds until cmdq_resume(item,
 * status). NULL if it runs outside a queue (it cannot wait). */
struct cmdq_item *cmdq_suspend(struct cmd_ctx *ctx);
/* A suspended command finished (status 0 or 1). Safe after its queue was freed. */
void cmdq_resume(struct cmdq_item *item, int status);
/* The state of an item (for a suspended command's callback). */
struct cmdq_state *cmdq_item_state(struct cmdq_item *item);
/* A client queue that need not wait for the startup config (its client runs inside
 * the server: a config's run-shell calling tmx back would wait for itself). */
void cmdq_no_config_wait(struct cmdq *q);
/* Run what can run now, in every queue (after the config finished, say). */
void cmdq_run_all(struct server *s);
/* Run queue q until empty or held. */
void cmdq_run(struct cmdq *q);

#endif
