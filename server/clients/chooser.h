/* chooser.h - choose-tree: an interactive tree of sessions, their windows and the
 * windows' panes in a pane, with a preview of the chosen one boxed below it, as tmux
 * 3.3a's. Up/Down (j/k, wrapping), PgUp/PgDn, Home/End move; Right/Left (l/h, +/-)
 * expand and collapse; t tags, O and r change the order, v hides the preview, f filters,
 * / ? n N search, x asks to kill, X to kill the tagged items, : runs a command for each,
 * m and M mark and unmark, H goes back to the start; Enter switches the client that
 * pressed it to the choice (switch-client -Zt); q, Escape or C-c leave. choose-buffer:
 * the same list of paste buffers, the preview shows the buffer's lines; Enter or p
 * pastes it into the pane (paste-buffer -p), P the tagged ones, d deletes it, D the
 * tagged ones, e edits it in a popup. choose-client: the attached clients, the preview
 * their screen and status line; d, x, z detach, detach and hang up, suspend (D, X, Z
 * the tagged ones). With mouse on, a click chooses a line, a double click enters it, the
 * right button shows a menu of the keys.
 *
 * They are pane modes (pane_mode.h) as in tmux: #{pane_in_mode} is 1 and #{pane_mode}
 * is tree-mode, buffer-mode or client-mode; the prefix and root key bindings work in
 * them. A chooser acts for the client that opened it and leaves when that client goes.
 * chooser_draw.h holds its state and draws it. */
#ifndef TMX_CHOOSER_H
#define TMX_CHOOSER_H

#include <stdbool.h>

struct client;
struct pane;

/* Open the chooser in client c's active pane: sessions, and their windows unless
 * sessions_only. */
void chooser_open(struct client *c, bool sessions_only);
/* choose-tree and find-window: the tree in pane p for client c (NULL: none yet), its
 * sessions collapsed (opts->tree_type 1, -s) or its windows (2, -w); match (with arg),
 * when not NULL, keeps the windows it accepts when the tree opens, opts->filter the
 * panes it is true for; the other opts as choose-client's. */
struct chooser_opts;
struct window;
void chooser_open_tree(struct client *c, struct pane *p, const struct chooser_opts *opts,
                       bool (*match)(struct window *w, const void *arg), const void *arg);
/* choose-buffer: the paste buffers in pane p (Enter pastes there, or runs
 * opts->template with %% the buffer's name); opts as choose-client's, and no_preview. */
struct chooser_opts;
void chooser_open_buffers(struct client *c, struct pane *p, const struct chooser_opts *opts);

/* choose-client's flags. */
struct chooser_opts {
    const char *template; /* run for Enter, %% the chosen client (detach-client -t '%%') */
    const char *format;   /* -F: each item's text after its name */
    const char *filter;   /* -f: only items this format is true for */
    const char *sort;     /* -O: choose-tree index, name, time; choose-buffer time, name,
                           * size; choose-client name, size, creation, activity */
    bool reverse;         /* -r */
    bool zoom;            /* -Z: the pane zoomed while the list shows */
    bool no_preview;      /* -N: no preview, the list takes the pane */
    int tree_type;        /* choose-tree: 1 (-s) sessions collapsed, 2 (-w) windows */
    bool all_groups;      /* choose-tree -G: every session of a group, not one */
    const char *key_format; /* -K: each item's shortcut key (a format with #{line});
                             * NULL: tmux's, 0-9 then M-a to M-z */
};

/* choose-client: the attached clients in pane p; Enter runs the template with %% the
 * chosen client's name, d detaches it. */
void chooser_open_clients(struct client *c, struct pane *p, const struct chooser_opts *opts);
/* customize-mode: the options of every scope and the key bindings of every table in
 * pane p; Enter prompts for a new value, d unsets the option or unbinds the key; zoom
 * (-Z) zooms the pane while it shows. */
void chooser_open_customize(struct client *c, struct pane *p, bool zoom);

#endif
