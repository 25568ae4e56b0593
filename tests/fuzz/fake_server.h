/* fake_server.h - an in-memory server for the cmd and format fuzzers: sessions, windows
 * and panes as the real constructors make them, but panes without a pty or a child
 * (fd -1, pid 0) and no event loop, so commands that only read or rename things can run
 * without touching the system. */
#ifndef TMX_FUZZ_FAKE_SERVER_H
#define TMX_FUZZ_FAKE_SERVER_H

struct server;

/* Sessions "work" ($0: windows 0 "vim", 1 "shell", 5 "logs"), "work2" ($1: window 0
 * "top") and "other" ($2: window 3, a dead pane that exited with status 3). Each pane
 * has a small vt with some text, a title and history. */
struct server *fake_server_create(void);
void fake_server_free(struct server *s);

#endif
