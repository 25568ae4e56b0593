/* option_effects.h - applying what a changed option changes. */
#ifndef TMX_OPTION_EFFECTS_H
#define TMX_OPTION_EFFECTS_H

struct server;
struct session;
struct window;
struct pane;

/* Option 'name' changed, for session sess or window w (both NULL: a global value): apply
 * what it changes now (log files, timers, the status line). */
void server_option_changed(struct server *s, const char *name, struct session *sess,
                           struct window *w);
/* Open or close a pane's log file as its window's log-file option says. */
void server_pane_apply_log(struct server *s, struct pane *p);

#endif
