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

#include "cmd_ctx.h"
#include "cmd_find.h"

#include <stdbool.h>
#include <stddef.h>

struct server;
struct client;
struct session;
struct window;
struct pane;
struct evbuffer;
struct cmdq_item;

/* Parsed flags and arguments. flags['x'] is NULL if -x was not given, "" for a flag
 * without argument, or the argument. */
struct cmd_args {
    const char *flags[128];
    unsigned char count[128]; /* how many times each flag was given (-EE: 2) */
    const char *env[65];     /* every -e NAME=VALUE (it may repeat), NULL-terminated */
    int nenv;
    /* For printing the command back as tmux does: every value given, in order (the first
     * 16; a repeated flag's too), and the flags that wanted a value and had
     * none left (bit ch % 64 of missing[ch / 64]; tmux prints them as flags without). */
    struct { char flag; const char *value; } values[16];
    int nvalues;
    unsigned long long missing[2];
    int argc;
    char **argv;
    unsigned long long blocks; /* bit i: argv[i] (i < 64) was a { } block: its commands */
    struct cmd_list *const *lists; /* lists[i]: the list argv[i] was as a block, or NULL
                                      (lists itself may be NULL: no block) */
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
/* A string (a binding, a prompt's line, if-shell's commands): the same, but its commands
 * are one group whatever its lines, as tmux parses strings. */
struct cmd_list *cmd_parse_string(const char *text, const struct cmd_parse_input *pi, char **error);
/* The shell command line's form: words already split; a word ";" or ending in ";" ends
 * a command, one ending in "\;" keeps a literal ';'. All in one group. */
struct cmd_list *cmd_parse_argv(int argc, char *const *argv, const struct cmd_parse_input *pi,
                                char **error);
/* The same with blocks: lists[i], when lists and it are not NULL, is the list word i
 * was (a { } block, bind-key's words), given to the command it belongs to as a block. */
struct cmd_list *cmd_parse_argv_lists(int argc, char *const *argv, struct cmd_list *const *lists,
                                      const struct cmd_parse_input *pi, char **error);
void cmd_list_ref(struct cmd_list *l);
void cmd_list_free(struct cmd_list *l);
/* A list as tmux prints it (list-keys, source-file -v): commands by their full names,
 * arguments quoted where needed, " ; " between commands and " ;; " between groups
 * (escaped: " \; " and " \;\; "), blocks as "{ ... }". */
char *cmd_list_print(const struct cmd_list *l, bool escaped);
char *cmd_parsed_print(const struct cmd_parsed *c);
/* A list as a string that parses back into the same commands (a key binding's command:
 * " ; " between them, blocks in braces, "--" where an argument would read as a flag). */
char *cmd_list_run_text(const struct cmd_list *l);
/* One argument quoted as tmux prints it. */
char *cmd_escape_arg(const char *s);
/* A command template (command-prompt's, the choosers', display-panes') with answer
 * number idx in it, as tmux: every %idx, and the first %% (or %%%, which escapes
 * " \ $ ; ~ in the answer). Caller frees. */
char *cmd_template_replace(const char *template, int idx, const char *answer);

/* Run one command given as an argv (from the command line). Returns 0 or 1. */
int cmd_execute_argv(struct cmd_ctx *ctx, int argc, char **argv);
/* Run one parsed command. Returns 0 or 1. */
int cmd_execute_parsed(struct cmd_ctx *ctx, const struct cmd_parsed *c);
/* Parse and run a command line (several commands separated by ';'); they stop at the
 * first that fails. Inside a queue (ctx->item set) they are inserted after the running
 * command instead, and run when it is done. */
int cmd_execute_string(struct cmd_ctx *ctx, const char *line);
/* Run a key binding's commands (parsed once and kept in the binding), as
 * cmd_execute_string runs a line. */
struct key_binding;
int cmd_execute_binding(struct cmd_ctx *ctx, const struct key_binding *b);
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
