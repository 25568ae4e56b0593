/* server.h - the server process entry point. The server owns all state: sessions,
 * windows, panes and connected clients; it runs one libevent loop and never blocks. */
#ifndef TMX_SERVER_H
#define TMX_SERVER_H

#include <stdbool.h>
#include <stddef.h>

struct server_config {
    const char *socket_path;
    const char *label;       /* "default" or the -L name, for the process title */
    const char *config_file; /* -f FILE, NULL for none */
    bool verbose;            /* -v: debug log */
    int ready_fd;            /* written to (then closed) once listening; -1 if none */
    bool foreground;         /* -D: logs to stderr, exits with the last pane's status */
    int argc;                /* -D: a command to run once listening (e.g. new-session) */
    char **argv;
    char *title_area;        /* argv memory to overwrite with the process title, or NULL */
    size_t title_size;
};

/* Bind the socket and run the server loop until it exits; returns the exit status. */
int server_main(const struct server_config *cfg);

#endif
