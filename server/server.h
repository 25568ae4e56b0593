/* server.h - the server process entry point. The server owns all state: sessions,
 * windows, panes and connected clients; it runs one libevent loop and never blocks. */
#ifndef TMX_SERVER_H
#define TMX_SERVER_H

#include <stdbool.h>
#include <stddef.h>

struct server;

struct server_config {
    const char *socket_path;
    const char *label;       /* "default" or the -L name, for the process title */
    const char *config_file; /* -f FILE, NULL for none */
    bool as_tmux;            /* run as "tmux": tmux's config files only (paths.h) */
    bool verbose;            /* -v: debug log */
    /* The starting client's connection (a socket: its end of a socketpair), taken as
     * a client once listening; or server-upgrade's start lock (a file), closed then.
     * -1 if none. */
    int ready_fd;
    int lock_fd;             /* the starting client's start lock: released once listening */
    bool foreground;         /* -D: logs to stderr, exits with the last pane's status */
    int argc;                /* -D: a command to run once listening (e.g. new-session) */
    char **argv;
    char *title_area;        /* argv memory to overwrite with the process title, or NULL */
    size_t title_size;
};

/* Free everything the server owns (clients, sessions, buffers, options, events, the
 * event base); the struct itself stays the caller's. Also used by the fuzz targets. */
void server_free_all(struct server *s);
/* Register what the layers above the model provide the server with: the listeners of
 * notify.h (pane policy, the clients' frames, clipboard, alerts, window names) and the
 * frame scheduler of redraw.h. Called once at start (and by the fuzz targets). */
void server_register(struct server *s);

/* argv[1] of a server that server-upgrade executed: {title, SERVER_ARGV1, socket path,
 * label, fd of the start lock (the ready fd), -f FILE or "", "1" as tmux or "0"}. */
#define SERVER_ARGV1 "__server"

/* Bind the socket and run the server loop until it exits; returns the exit status. */
int server_main(const struct server_config *cfg);

#endif
