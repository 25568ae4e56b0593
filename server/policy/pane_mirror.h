/* pane_mirror.h - in the foreground (tmx -D), a copy of the panes' output on the server's
 * own stdout, where a container runtime or systemd's journal reads it: the bytes the
 * program wrote (the pty's NL to CR NL undone while the program leaves it on), never the
 * rendered screen; with a window's mirror-prefix, line by line behind that prefix (tmx
 * up's "name | "). A tap (tap.h): the panes never wait for a slow reader of stdout. */
#ifndef TMX_PANE_MIRROR_H
#define TMX_PANE_MIRROR_H

struct server;
struct notify;
struct pane;

/* Start mirroring to fd (the server's stdout), when the server option mirror-stdout is
 * on. Returns 0, or -1 (fd not usable: nothing is mirrored). */
int pane_mirror_start(struct server *s, int fd);
/* Stop (the server is leaving): what is queued is still written, as for a tap. */
void pane_mirror_stop(struct server *s);
/* The listener: NOTIFY_PANE_OUTPUT is copied, NOTIFY_PANE_GONE forgets the pane. */
void pane_mirror_notify(struct server *s, const struct notify *n);
/* Write a line of the server's own for pane p (an exec error, a restart note) to the
 * mirror as the pane's output would go, ending in a newline. */
void pane_mirror_note(struct pane *p, const char *line);

#endif
