/* hooks.h - running hooks: commands run when something happens. Hooks are array options
 * of the option table (OPTION_F_HOOK: set-hook sets them, in a session's, a window's,
 * a pane's or the global options); each item is a command list. */
#ifndef TMX_HOOKS_H
#define TMX_HOOKS_H

#include <stdbool.h>

struct server;
struct client;
struct cmd_parsed;
struct pane;
struct session;
struct window;

/* What a hook fired for (any member may be NULL). Its commands see #{hook} (the hook's
 * name) and, for what is given, #{hook_client}, #{hook_session} and #{hook_session_name},
 * #{hook_window} and #{hook_window_name}, #{hook_pane}, as tmux gives them; "no -t" means
 * the pane (else the window's active pane, else the session's or the client's current). */
struct hook_event {
    struct client *client;
    struct session *session;
    struct window *window;
    struct pane *pane;
    bool closed;         /* session is being destroyed: its formats, the global options */
    bool client_only;    /* a client's event: session is for the options alone (tmux
                            gives such hooks #{hook_client} and no other hook_*) */
};

/* Run hook 'name' if set, for ev. */
void hooks_fire(struct server *s, const char *name, const struct hook_event *ev);
/* The same for an after-COMMAND hook or set-hook -R: "no -t" means pane (or, if NULL,
 * the session's current pane), and the commands see #{hook} alone, as in tmux. */
void hooks_run(struct server *s, const char *name, struct session *sess, struct pane *pane);
/* An after-COMMAND hook for cmd, which ran: its commands also see #{hook_arguments},
 * #{hook_argument_N}, #{hook_flag_X} and #{hook_flag_X_N} of cmd, as tmux gives them. */
void hooks_run_after(struct server *s, const char *name, struct session *sess, struct pane *pane,
                     const struct cmd_parsed *cmd);
void hooks_free(struct server *s);

#endif
