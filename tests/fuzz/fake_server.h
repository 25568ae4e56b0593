/* fake_server.h - an in-memory server for the fuzzers: initialised as server_main()
 * does (options, key bindings, an event base) but without a socket or signals, and
 * with sessions, windows and panes made by the real constructors except that a pane has
 * no child and no pty: its fd is /dev/null (what is typed into it is dropped) and its
 * pid 0, so nothing can signal or wait for a process. Only commands that cmd_gate.c lets
 * through may run against it. */
#ifndef TMX_FUZZ_FAKE_SERVER_H
#define TMX_FUZZ_FAKE_SERVER_H

#include <stdbool.h>

struct server;
struct session;
struct client;

/* With 'populated': sessions "work" ($0: windows 0 "vim", 1 "shell", 5 "logs"),
 * "work2" ($1: window 0 "top") and "other" ($2: window 3 "done", whose pane is dead,
 * exit status 3). Each pane has a small vt holding some text, a title and history.
 * Without: no sessions. */
struct server *fake_server_create(bool populated);
/* Frees everything, as the server does when it exits (clients included). */
void fake_server_free(struct server *s);

/* A client without a socket (bev NULL), attached to sess if not NULL, for contexts
 * that read a client (formats). Free it with fake_client_free, not server_client_free. */
struct client *fake_client_create(struct server *s, struct session *sess, const char *term);
void fake_client_free(struct client *c);

#endif
