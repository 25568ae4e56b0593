/* upfile.h - the file `tmx up` reads: a Procfile ("name: command" lines) or tmx's own
 * service file (a [name] section per service with command, env, cwd, after, ready-line,
 * ready-command, stop-signal, stop-timeout, restart...; docs/daemons.md). Parsing only:
 * text in, services out, or the first error with its line number. No server around it
 * (the fuzzer and the unit test call it alone). */
#ifndef TMX_UPFILE_H
#define TMX_UPFILE_H

#include <stdbool.h>
#include <stddef.h>

#define UPFILE_MAX_SERVICES 1000
#define UPFILE_MAX_NAME 64

struct upfile_service {
    char *name;
    char *command;
    char *cwd;            /* as written (relative to the file's directory), or NULL */
    char **env;           /* NAME=VALUE, NULL-terminated (never NULL) */
    size_t nenv;
    size_t *after;        /* indices of the services it starts after */
    size_t nafter;
    char *ready_line;     /* an extended regular expression a line of output matches */
    char *ready_command;  /* a shell command that exits 0 once the service is ready */
    int stop_signal;      /* SIGTERM unless stop-signal says */
    int stop_timeout;     /* seconds before SIGKILL (default 10) */
    const char *restart;  /* "never", "on-failure", "always", or NULL (the options') */
    long restart_delay;   /* ms, or -1 (the option's) */
    int line;             /* where it was declared */
};

struct upfile {
    bool procfile;        /* the format it was read as */
    char *session;        /* session = NAME, or NULL */
    long main;            /* main = NAME: its index, or -1 */
    struct upfile_service *services;
    size_t n;
};

/* Parse len bytes of text. Returns 0, or -1 with "line N: what is wrong" (or a message
 * for the whole file) in err; nothing is kept on error. */
int upfile_parse(const char *text, size_t len, struct upfile *out, char *err, size_t errsize);
void upfile_free(struct upfile *f);
/* The signal a name (TERM, SIGTERM, 15) names, or 0. */
int upfile_signal(const char *name);

#endif
