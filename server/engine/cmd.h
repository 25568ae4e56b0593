/* cmd.h - the command engine: the parser of tmux's command language (words, quotes and
 * escapes, ~ and $VAR, ';' between commands, { } blocks, %if/%elif/%else/%endif,
 * %hidden and NAME=value) into command lists, flag parsing per entry, target resolution
 * (session, session:window, session:window.pane, $N @N %N) and the executor. The
 * command line, config files, key bindings, prompts and hooks all come through here;
 * cmd_queue.h runs lists in order, one command at a time, waiting where one waits. The
 * entries themselves (name, alias, flags, exec) are a table of the layer above
 * (cmd/cmd_table.c), registered at startup with cmd_set_table. */
#ifndef TMX_CMD_H
#define TMX_CMD_H

#include <stdbool.h>
#include <stddef.h>

struct server;
struct client;
struct session;
struct window;
struct pane;
struct evbuffer;
struct cmdq_item;

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
#define CMD_FIND_QUIET 0x4          /* report no error (the caller does) */
#define CMD_FIND_CANFAIL 0x8        /* not found is no failure: what was found is used, as
                                     * tmux's display-message -t, if-shell -t, run-shell -t */
#define CMD_FIND_DEFAULT_MARKED 0x10 /* without the flag, the marked pane if there is one
                                      * (join-pane -s, swap-pane -s...) */
#define CMD_FIND_PREFER_UNATTACHED 0x40 /* without the flag, of the sessions, the most
                                         * recently used unattached one (attach-session) */
#define CMD_FIND_WINDOW_INDEX 0x20  /* a window target may name a free index (fs->idx):
                                     * a missing index or an offset past the last window is
                                     * no error */

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
    int idx; /* with CMD_FIND_WINDOW_INDEX: the window index named, -1 for none; it may
              * be free (then window is NULL): new-window -t s:5, move-window -t :+1 */
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
    /* What the commands after this one in the same list take as current (tmux's: set by
     * new-session, and new-window and split-window without -d, with cmd_find_set_current);
     * all NULL when unset. Checked against the server's lists before it is used. */
    struct cmd_find_state current;
    /* What the mouse event of the key binding running the command points at: the target
     * '=' or {mouse} (a pane, else that window's active pane); all NULL when none. */
    struct cmd_find_state mouse;
    /* What the running command's entry declared, found before its exec was called (-s
     * first, then -t); valid during exec only. */
    struct cmd_find_state source;
    struct cmd_find_state target;
    /* Set once a command's exec succeeded: its entry and what its -t named (for its
     * after-COMMAND hook). */
    const struct cmd_entry *ran;
    struct cmd_find_state ran_target;
    /* The queue item running the command (cmd_queue.h), or NULL when it runs directly:
     * a command may then neither wait nor have commands inserted after it. */
    struct cmdq_item *item;
    const char *file;        /* the config file the command came from, or NULL */
    unsigned line;           /* and its line */
    unsigned depth;          /* and how deep in source-files that was */
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
    unsigned long long blocks; /* bit i: argv[i] (i < 64) was a { } block: its commands */
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

/* One parsed command of a list: its entry, its words (argv[0] the entry's name; a { }
 * block is the text of its commands, which the command parses again, and its list in
 * blocks[i]), its group in its list (a failing command removes the rest of its group
 * from a queue: a config line, or a whole command line) and where it came from. */
struct cmd_parsed {
    const struct cmd_entry *entry;
    int argc;
    char **argv;
    struct cmd_list **blocks;
    unsigned group;
    char *file;
    unsigned line;
    unsigned depth;       /* source-file nesting of the file it came from */
};

/* A command list (reference counted). */
struct cmd_list {
    struct cmd_parsed *cmds;
    size_t n;
    int refs;
};

struct session;
/* What a parse may use: the file and first line (errors are "FILE:LINE: message"), the
 * server (its global environment for NAME=value and $NAME; formats of %if) and the
 * target formats expand for, source-file -v's output. Every member may be 0/NULL. */
struct cmd_parse_input {
    const char *file;
    unsigned line;
    struct server *server;
    struct client *client;
    struct session *session;
    struct window *window;
    struct pane *pane;
    unsigned depth;               /* source-file nesting (0: not from a sourced file) */
    bool verbose;                 /* print each group as it is built into verbose_out */
    struct evbuffer *verbose_out;
};

/* Parse text (a config file's contents, a binding, a prompt's line) into a list. NULL
 * with *error (a new string) on a syntax error or a command that cannot be (unknown,
 * bad flags or argument count): then nothing of the text may run, as in tmux. */
struct cmd_list *cmd_parse_buffer(const char *text, size_t len, const struct cmd_parse_input *pi,
                                  char **error);
struct cmd_list *cmd_parse_string(const char *text, const struct cmd_parse_input *pi, char **error);
/* The shell command line's form: words already split; a word ";" or ending in ";" ends
 * a command, one ending in "\;" keeps a literal ';'. All in one group. */
struct cmd_list *cmd_parse_argv(int argc, char *const *argv, const struct cmd_parse_input *pi,
                                char **error);
void cmd_list_ref(struct cmd_list *l);
void cmd_list_free(struct cmd_list *l);
/* A list as tmux prints it (list-keys, source-file -v): commands by their full names,
 * arguments quoted where needed, " ; " between commands and " ;; " between groups
 * (escaped: " \; " and " \;\; "), blocks as "{ ... }". */
char *cmd_list_print(const struct cmd_list *l, bool escaped);
char *cmd_parsed_print(const struct cmd_parsed *c);
/* One argument quoted as tmux prints it. */
char *cmd_escape_arg(const char *s);

/* Run one command given as an argv (from the command line). Returns 0 or 1. */
int cmd_execute_argv(struct cmd_ctx *ctx, int argc, char **argv);
/* Run one parsed command. Returns 0 or 1. */
int cmd_execute_parsed(struct cmd_ctx *ctx, const struct cmd_parsed *c);
/* Parse and run a command line (several commands separated by ';'); they stop at the
 * first that fails. Inside a queue (ctx->item set) they are inserted after the running
 * command instead, and run when it is done. */
int cmd_execute_string(struct cmd_ctx *ctx, const char *line);
/* Run a list the same way (inserted after ctx->item, or at once). */
int cmd_execute_list(struct cmd_ctx *ctx, struct cmd_list *list);
/* Flags and arguments of argv for entry e, into args (pointing into argv). Returns 0,
 * or -1 with *cause (a new string, tmux's words: "unknown flag -z", "too many arguments
 * (need at most 1)"). */
int cmd_args_parse(const struct cmd_entry *e, int argc, char **argv, struct cmd_args *args,
                   char **cause);
/* Split a command line into words; returns the number, or -1 with *err (unclosed quote)
 * and, if err_column is not NULL, the column (1-based) where the bad quote opened.
 * Words are appended to *argv (NULL-terminated, caller frees with cmd_free_argv). */
int cmd_split_at(const char *line, char ***argv, const char **err, int *err_column);
int cmd_split(const char *line, char ***argv, const char **err);
void cmd_free_argv(char **argv);

void cmd_error(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Targets (tmux's grammar, described at the top of cmd_find.c). NULL or "" target: the
 * current session/window/pane (the hook's pane, the attached client's session, else the
 * session holding TMX_PANE of the client's environment (or tmux's TMUX_PANE when TMUX
 * names this server), else the most recent session). cmd_find_target fills fs with what
 * target names as a type and returns 0, or reports tmux's error ("can't find session:
 * X"...) and returns -1; flags are CMD_FIND_*.
 * The three below are shorthands for it with no flags: on failure they return NULL. */
int cmd_find_target(struct cmd_ctx *ctx, struct cmd_find_state *fs, const char *target,
                    enum cmd_find_type type, int flags);
struct session *cmd_find_session(struct cmd_ctx *ctx, const char *target);
struct window *cmd_find_window(struct cmd_ctx *ctx, const char *target, struct session **sp);
struct pane *cmd_find_pane(struct cmd_ctx *ctx, const char *target, struct window **wp,
                           struct session **sp);
/* Make s (its window w and pane p, or their current ones when NULL) what the rest of
 * the command list takes as current, as tmux's new-session/new-window/split-window. */
void cmd_find_set_current(struct cmd_ctx *ctx, struct session *s, struct window *w,
                          struct pane *p);
/* The marked pane (select-pane -m) into st (if not NULL): false when none is marked or
 * it is gone (the mark is then cleared). */
bool cmd_find_marked(struct server *srv, struct cmd_find_state *st);
/* The index of a window's first pane (pane-base-index, 0 while the option is unknown). */
int cmd_find_pane_base_index(const struct window *w);
/* Every session sorted by name, as tmux lists them: a new NULL-terminated array (free it,
 * not the sessions) and its length in *n. */
struct session **cmd_sessions_by_name(struct server *srv, size_t *n);

/* cmd_print.c: a parsed command as tmux prints it (name, flags, quoted arguments), into o;
 * and that line in the message log when a client runs it. */
struct format_out;
void cmd_print_command(const struct cmd_entry *e, const struct cmd_args *args,
                       struct format_out *o);
void cmd_log_command(struct cmd_ctx *ctx, const struct cmd_entry *e,
                     const struct cmd_args *args);

/* The command table the executor runs: a NULL-terminated array of entries, registered
 * once at startup by the layer that defines them (server_main, and the tests and fuzzers
 * that run commands, register cmd_table_entries() of cmd/cmd_table.h). */
void cmd_set_table(const struct cmd_entry *const *table);
/* The registered table; an empty one before cmd_set_table. */
const struct cmd_entry *const *cmd_get_table(void);
/* The entry of a name, an alias or an unambiguous prefix of a name; NULL with *err
 * ("unknown command", "ambiguous command") if there is none. */
const struct cmd_entry *cmd_lookup(const char *name, const char **err);
/* The same, NULL with *error a new string as tmux says it ("unknown command: foo",
 * "ambiguous command: s, could be: ..."). */
const struct cmd_entry *cmd_lookup_error(const char *name, char **error);

#endif
