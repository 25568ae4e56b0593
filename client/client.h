/* client.h - the tmx client: connect to the server (starting it if needed), identify,
 * send one command, then relay the terminal while attached, and say why it left. */
#ifndef TMX_CLIENT_H
#define TMX_CLIENT_H

#include <stdbool.h>
#include <stddef.h>

struct client_options {
    const char *label;       /* -L */
    const char *socket_path; /* -S */
    const char *config_file; /* -f */
    bool verbose;            /* -v */
    bool as_tmux;            /* run under a tmux name (argv[0]): tmux's config files */
    bool no_start;           /* -N: never start a server */
    bool foreground_server;  /* -D: run the server in the foreground, no client */
    int control;             /* -C: 1, -CC: 2 (control mode: control.c in client.c) */
    char *title_area;        /* the process's argv strings: the server writes its title there */
    size_t title_size;
};

/* Run command argv (argc may be 0: new-session). Returns the process exit status. */
int client_main(const struct client_options *opts, int argc, char **argv);

/* The socket of opts (-L, -S, $TMX_TMPDIR) into path; -1 with why in err. */
int client_socket_path(const struct client_options *opts, char *path, size_t size, char *err,
                       size_t errsize);
/* Connect to the server at path, starting it (with opts) when may_start and none
 * answers; -1 with errno (and err set when a stale socket's path was refused). */
int client_connect(const struct client_options *opts, const char *path, bool may_start,
                   char *err, size_t errsize);
/* Run one command line on the server of opts (started if the command starts one) and
 * keep what it prints on stdout in *out (malloc'd, NUL-terminated). Returns its exit
 * status; -1 when no server answered within timeout_ms. */
int client_query(const struct client_options *opts, int argc, char **argv, int timeout_ms,
                 char **out);

#endif
