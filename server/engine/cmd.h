/* cmd.h - the command engine: one parser for command lines (tmux syntax: quotes,
 * backslashes, ';' between commands), flag parsing per entry, target resolution
 * (session, session:window, session:window.pane, $N @N %N) and the executor. The command
 * line, config file, key bindings and prompts all come through here. The entries
 * themselves (name, alias, flags, exec) are a table of the layer above (cmd/cmd_table.c),
 * registered at startup with cmd_set_table. */
#ifndef TMX_CMD_H
#define TMX_CMD_H

#include <stdbool.h>

struct server;
struct client;
struct session;
struct window;
struct pane;
struct evbuffer;

/* What an entry's -t or -s names: the executor finds it before exec runs. */
enum cmd_find_type {
    CMD_FIND_NONE,    /* nothing (no such flag, or the command looks it up itself) */
    CMD_FIND_SESSION, /* a session (cmd_find_session) */
    CMD_FIND_WINDOW,  /* a window and its session (cmd_find_window) */
    CMD_FIND_PANE,    /* a pane, its window and session (cmd_find_pane) */
};

/* Flags of a cmd_find_spec. */
#define CMD_FIND_IF_GIVEN 0x1       /* only when the flag is given; without it, nothing */
#define CMD_FIND_MAY_BE_MISSING 0x2 /* without the flag, the current one if there is one:
                                     * none, or none found, is no failure */

/* An entry's target (-t) or source (-s): which flag, naming what. */
struct cmd_find_spec {
    char flag;
    enum cmd_find_type type;
    int flags; /* CMD_FIND_IF_GIVEN, CMD_FIND_MAY_BE_MISSING */
};

/* What the executor found for a spec; members it did not find are NULL. */
struct cmd_find_state {
    struct session *session;
    struct window *window;
    struct pane *pane;
};

/* Where a command runs and where its output goes. */
struct cmd_ctx {
    struct server *server;
    struct client *client;   /* issuing client, NULL for the config file */
    bool from_key;           /* from a key binding or prompt of an attached client */
    struct evbuffer *out;    /* text for stdout (or the client's view when from_key) */
    struct evbuffer *err;    /* error text */
    bool attached;           /* the command attached the client to a session */
    bool wait;               /* the client waits (wait-for): no exit yet */
    bool detached;           /* the command detached/exited the issuing client */
    int exit_status;         /* status for the client when the command succeeds (wait-pane) */
    struct pane *target_pane; /* what "no -t" means for hooks (the pane it fired for), or NULL */
    /* What the running command's entry declared, found before its exec was called (-s
     * first, then -t); valid during exec only. */
    struct cmd_find_state source;
    struct cmd_find_state target;
};

/* wait-pane --timeout gave up: a status no command's exit is confused with... mostly. */
#define WAIT_PANE_TIMEOUT_STATUS 124

/* Parsed flags and arguments. flags['x'] is NULL if -x was not given, "" for a flag
 * without argument, or the argument. */
struct cmd_args {
    const char *flags[128];
    unsigned char count[128]; /* how many times each flag was given (-EE: 2) */
    const char *env[65];     /* every -e NAME=VALUE (it may repeat), NULL-terminated */
    int nenv;
    int argc;
    char **argv;
};

/* One command: what the parser checks and the function that runs it. */
struct cmd_entry {
    const char *name;
    const char *alias;
    const char *spec;        /* getopt-like: "dn:" */
    int min_args, max_args;  /* max -1: unlimited */
    const char *usage;
    int (*exec)(struct cmd_ctx *ctx, struct cmd_args *args);
    const char *longs;       /* long options as "name=X,..." meaning -X, or NULL */
    struct cmd_find_spec source; /* what -s names (in ctx->source), if anything */
    struct cmd_find_spec target; /* what -t names (in ctx->target), if anything */
};

/* Run one command given as an argv (from the command line). Returns 0 or 1. */
int cmd_execute_argv(struct cmd_ctx *ctx, int argc, char **argv);
/* Parse and run a command line (several commands separated by ';'). */
int cmd_execute_string(struct cmd_ctx *ctx, const char *line);
/* Split a command line into words; returns the number, or -1 with *err (unclosed quote)
 * and, if err_column is not NULL, the column (1-based) where the bad quote opened.
 * Words are appended to *argv (NULL-terminated, caller frees with cmd_free_argv). */
int cmd_split_at(const char *line, char ***argv, const char **err, int *err_column);
int cmd_split(const char *line, char ***argv, const char **err);
void cmd_free_argv(char **argv);

void cmd_error(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Targets. NULL target: the current session/window/pane (the attached client's, else
 * the one holding TMX_PANE of the client's environment, else the most recent session).
 * On failure, an error is reported and NULL returned. */
struct session *cmd_find_session(struct cmd_ctx *ctx, const char *target);
struct window *cmd_find_window(struct cmd_ctx *ctx, const char *target, struct session **sp);
struct pane *cmd_find_pane(struct cmd_ctx *ctx, const char *target, struct window **wp,
                           struct session **sp);

/* The command table the executor runs: a NULL-terminated array of entries, registered
 * once at startup by the layer that defines them (server_main, and the tests and fuzzers
 * that run commands, register cmd_table_entries() of cmd/cmd_table.h). */
void cmd_set_table(const struct cmd_entry *const *table);
/* The registered table; an empty one before cmd_set_table. */
const struct cmd_entry *const *cmd_get_table(void);
/* The entry of a name, an alias or an unambiguous prefix of a name; NULL with *err
 * ("unknown command", "ambiguous command") if there is none. */
const struct cmd_entry *cmd_lookup(const char *name, const char **err);

#endif
