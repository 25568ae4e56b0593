/* chooser_draw.h - a chooser's state (chooser.c keeps it) and how it is drawn
 * (chooser_draw.c), as tmux 3.3a draws a mode tree: a line per item shown, each with its
 * shortcut key, its place in the tree and its text, the chosen one in mode-style; below
 * them, when the pane is high enough, a box titled with the chosen item's name and the
 * order, holding its preview. */
#ifndef TMX_CHOOSER_DRAW_H
#define TMX_CHOOSER_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys.h"

struct canvas;
struct event;
struct pane;
struct server;

/* What a chooser lists. */
enum chooser_kind { CHOOSER_TREE, CHOOSER_BUFFERS, CHOOSER_CLIENTS, CHOOSER_CUSTOMIZE };

/* What one item is. */
enum chooser_item_kind {
    ITEM_SESSION,
    ITEM_WINDOW,
    ITEM_PANE,
    ITEM_REMOTE, /* a session of a remote-hosts host, or the row saying why not */
    ITEM_BUFFER,
    ITEM_CLIENT,
    ITEM_CUSTOM, /* customize-mode: an option or a binding, or a heading */
};

struct chooser_item {
    enum chooser_item_kind kind;
    char *id;          /* who it is across builds: "$1", "$1@2", "$1%3", a buffer's name... */
    long parent;       /* the item it is under, -1 at the top */
    int depth;
    bool has_children, expanded, tagged;
    uint32_t session_id, window_id, pane_id, client_id;
    int index;         /* a window's index in its session, a pane's in its window */
    char *name;        /* shown before ": " and the text; NULL: the text alone */
    char *text;        /* after it: format output (#[...] styles drawn) */
    char *buffer_name; /* choose-buffer: the buffer */
    size_t size;       /* choose-buffer: its size (-O size) */
    char *host, *remote_session; /* ITEM_REMOTE: the host and its session (NULL: none) */
    char *command;     /* customize-mode: run for Enter (with %% the new value), or NULL */
    char *unset;       /* customize-mode: run for d (unset the option, unbind the key) */
    key_code key;      /* its shortcut key, KEYC_NONE for none */
};

/* A line shown: an item whose parents are all expanded. */
struct chooser_line {
    size_t item;
    int depth;
    bool last; /* the last of its parent's items */
    bool flat; /* none of its parent's items has items under it: no +/- */
};

struct chooser_remote;
struct chooser_remote_row;

struct chooser {
    enum chooser_kind kind;
    struct server *server;
    struct chooser_item *items;
    size_t n;
    struct chooser_line *lines;
    size_t nlines;
    size_t current, offset; /* the chosen line, the first line shown */
    int height;             /* the list's rows (the pane's when there is no preview) */
    bool preview;           /* false: -N, or v hid it */
    int tree_type;          /* choose-tree -s 1, -w 2, else 0: what the first build collapses */
    bool built;
    const char *const *sorts; /* the orders, NULL when there is no choice */
    int sort;
    bool reverse;             /* -r, r */
    int preview_offset;       /* < and >: the windows or panes of the preview moved */
    int arrow_left, arrow_right; /* where the preview drew its '<' and '>' lines (the
                                  * pane's columns; -1: none), for clicks on them */
    char *template;           /* run for Enter with %% the choice */
    char *format, *filter;    /* -F, -f */
    bool no_matches;          /* the filter left nothing: everything shows */
    char *search;             /* the text / looked for last (n and N look again) */
    bool search_back;         /* it was ? (n looks up, N down) */
    char *key_format;         /* -K, or tmux's default */
    bool squash_groups;       /* no -G: a group shows as one of its sessions */
    uint32_t start_session, start_window, start_pane; /* the target: chosen at first */
    uint32_t *matched;        /* find-window: the windows that matched when it opened */
    size_t nmatched;
    bool match;               /* find-window: only the windows in matched */
    struct chooser_remote_row *remote_rows; /* remote-hosts' sessions, as answered */
    size_t nremote_rows;
    struct chooser_remote **remotes; /* hosts still listing */
    size_t nremotes;
    uint32_t pane_id;  /* the pane it is in: where choose-buffer's Enter pastes */
    uint32_t owner_id; /* the client it was opened for: it leaves with it */
    bool zoomed;       /* -Z zoomed the window: unzoomed when the mode leaves */
    /* The last mouse press, to tell double clicks (tmux's, within 300 ms): when, which
     * button code, and 1 after a single click, 2 after a second; a second click is a
     * double click once 300 ms pass without a third (double_timer, for the client
     * double_client at row double_y). */
    int64_t click_ms;
    int click_button;
    int click_stage;
    bool from_menu;           /* the key being handled came from the chooser's menu */
    struct event *double_timer;
    uint32_t double_client;
    int double_y;
};

/* Draw chooser ch of pane p into cv at (x0, y0), at most width x height (pane_draw's
 * contract). */
void chooser_draw_mode(struct pane *p, struct chooser *ch, struct canvas *cv, int x0, int y0,
                       int width, int height);

#endif
