/* copy_mode.c - a pane in copy mode (see copy_mode.h): the server side of the mode
 * whose logic is copy_mode_core.c, on the pane-mode interface (pane_mode.h). */
#include "copy_mode.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "cmd.h"
#include "copy_mode_core.h"
#include "job.h"
#include "key_bindings.h"
#include "keys.h"
#include "options.h"
#include "pane.h"
#include "pane_line.h"
#include "pane_mode.h"
#include "paste.h"
#include "redraw.h"
#include "render.h"
#include "client_state.h"
#include "server_state.h"
#include "session.h"
#include "style.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

/* The lines a view (view mode) may keep: far more than any command prints (its output
 * is at most 1 MiB), still a bound on what many of them may cost. */
#define VIEW_HISTORY_LINES 100000

/* Lines the mouse wheel scrolls, as tmux. */
#define WHEEL_LINES 5

struct copy_mode {
    struct copy_state cs;
    struct vt *view;        /* view mode: the screen of its own it shows (NULL: copy
                               mode over the pane's screen) */
    bool view_written;      /* ... and something was written to it */
    bool exit_at_bottom;    /* -e: scrolling back to the bottom leaves */
    bool hide_position;     /* toggle-position: no [offset/size] indicator */
    long prefix;            /* send-keys -N with no command: the next one's repeat count */
    bool inc_active;        /* an incremental search (command-prompt -i) is going on, */
    int64_t inc_y, inc_top; /* ... started with the cursor and view here */
    int inc_x;
    bool mouse_entered;     /* entered with the mouse: no line numbers, as tmux */
    struct grid_line line;  /* reused while drawing */
};

static const struct pane_mode copy_mode_ops;
static const struct pane_mode view_mode_ops;

/* The pane's copy mode (or view mode, the same over a screen of its own) when it is
 * the mode shown, else NULL. */
static struct copy_mode *copy_mode_of(struct pane *p)
{
    return p->mode == &copy_mode_ops || p->mode == &view_mode_ops ? p->mode_data : NULL;
}

/* The screen the mode shown reads: view mode's own, else the pane's. */
static const struct vt *mode_vt(struct pane *p)
{
    struct copy_mode *cm = copy_mode_of(p);
    return cm != NULL && cm->view != NULL ? cm->view : p->vt;
}

static const struct grid *pane_grid(struct pane *p)
{
    return vt_grid(mode_vt(p));
}

/* Clients showing the pane draw it again (mode changes are not pane output). */
static void redraw(struct pane *p)
{
    if (p->window != NULL)
        window_redraw(p->window, REDRAW_STATUS);
}

/* The options of the pane's session (the global session options for a pane without). */
static const struct options *session_options_of(struct pane *p)
{
    struct session *s = p->window != NULL ? window_session(p->window) : NULL;
    return s != NULL ? s->options : p->server->session_options;
}

static bool vi_keys(struct pane *p)
{
    return options_get_number(p->options != NULL ? p->options : p->server->window_options,
                              "mode-keys") == 1; /* a window (and pane) option */
}

/* As tmux, a new copy mode takes up the pane's last search (search-again goes up). */
static void take_last_search(struct pane *p, struct copy_state *cs)
{
    if (p->last_search == NULL)
        return;
    cs->search = xstrdup(p->last_search);
    cs->search_regex = p->last_search_regex;
    cs->search_up = true;
}

/* ... and keeps the search a copy mode made last for it. */
static void keep_last_search(struct pane *p, const struct copy_state *cs)
{
    if (cs->search == NULL)
        return;
    if (p->last_search != NULL && strcmp(p->last_search, cs->search) == 0 &&
        p->last_search_regex == cs->search_regex)
        return;
    free(p->last_search);
    p->last_search = xstrdup(cs->search);
    p->last_search_regex = cs->search_regex;
}

void copy_mode_enter(struct pane *p, bool exit_at_bottom)
{
    bool shown = p->mode == &copy_mode_ops;
    if (pane_mode_raise(p, &copy_mode_ops)) {
        /* In copy mode already (or again, when another mode was over it). */
        if (!exit_at_bottom)
            copy_mode_of(p)->exit_at_bottom = false;
        if (!shown)
            redraw(p);
        return;
    }
    struct copy_mode *cm = xcalloc(1, sizeof *cm);
    int x, y;
    vt_cursor(p->vt, &x, &y);
    copy_state_init(&cm->cs, pane_grid(p), vi_keys(p), x, y);
    cm->cs.separators = xstrdup(options_get_string(session_options_of(p), "word-separators"));
    cm->exit_at_bottom = exit_at_bottom;
    take_last_search(p, &cm->cs);
    pane_mode_push(p, &copy_mode_ops, cm);
    redraw(p);
}

void copy_mode_entered_by_mouse(struct pane *p)
{
    struct copy_mode *cm = copy_mode_of(p);
    if (cm != NULL)
        cm->mouse_entered = true;
}

void copy_mode_enter_view(struct pane *p, struct vt *view, int x, int y, bool exit_at_bottom)
{
    struct copy_mode *cm = xcalloc(1, sizeof *cm);
    cm->view = view;
    cm->view_written = true;
    copy_state_init(&cm->cs, vt_grid(view), vi_keys(p), x, y);
    cm->cs.separators = xstrdup(options_get_string(session_options_of(p), "word-separators"));
    cm->exit_at_bottom = exit_at_bottom;
    take_last_search(p, &cm->cs);
    pane_mode_push(p, &copy_mode_ops, cm);
    redraw(p);
}

void copy_mode_hide_position(struct pane *p)
{
    struct copy_mode *cm = copy_mode_of(p);
    if (cm != NULL && p->mode == &copy_mode_ops) {
        cm->hide_position = true;
        redraw(p);
    }
}

bool copy_mode_active(const struct pane *p)
{
    return pane_mode_data(p, &copy_mode_ops) != NULL;
}

struct vt *copy_mode_view(struct pane *p, bool *first)
{
    struct copy_mode *cm = pane_mode_raise(p, &view_mode_ops) ? p->mode_data : NULL;
    if (cm == NULL) {
        cm = xcalloc(1, sizeof *cm);
        /* As tmux's, the view keeps all it is given, whatever history-limit says; only
         * a bound on what it may cost (VIEW_HISTORY_LINES) stays. */
        const struct options *so = session_options_of(p);
        cm->view = vt_create(p->cols, p->rows, VIEW_HISTORY_LINES);
        copy_state_init(&cm->cs, vt_grid(cm->view), vi_keys(p), 0, 0);
        cm->cs.separators = xstrdup(options_get_string(so, "word-separators"));
        pane_mode_push(p, &view_mode_ops, cm);
    }
    *first = !cm->view_written;
    cm->view_written = true;
    return cm->view;
}

void copy_mode_view_written(struct pane *p)
{
    struct copy_mode *cm = copy_mode_of(p);
    if (cm != NULL)
        copy_clamp(pane_grid(p), &cm->cs);
    redraw(p);
}

static void copy_mode_free(struct pane *p, void *data)
{
    struct copy_mode *cm = data;
    (void)p;
    vt_free(cm->view);
    copy_state_free(&cm->cs);
    copy_line_free(&cm->line);
    free(cm);
}

void copy_mode_leave(struct pane *p)
{
    if (copy_mode_of(p) == NULL)
        return;
    pane_mode_pop(p);
    redraw(p);
}

/* The selection becomes the newest paste buffer (and, with set-clipboard, the
 * terminals' clipboard); with a command (copy-pipe), it is also that command's stdin.
 * Returns -1 only if the command could not be started (said in ctx, or as a message
 * when there is none: a mouse drag). */
static int copy_selection(struct cmd_ctx *ctx, struct pane *p, const char *command,
                          const char *prefix)
{
    size_t len;
    char *text = copy_selection_text(pane_grid(p), &copy_mode_of(p)->cs, &len);
    if (text == NULL)
        return 0;
    if (len == 0) {
        free(text);
        return 0;
    }
    int status = 0;
    if (command != NULL && *command != '\0') {
        char err[256];
        if (job_run_input(p->server, command, p->cwd, text, len, NULL, NULL, err, sizeof err) ==
            NULL) {
            char *msg = xasprintf("copy-pipe: %s: %s", command, err);
            if (ctx != NULL)
                cmd_error(ctx, "%s", msg);
            else
                pane_message(p, msg);
            free(msg);
            status = -1;
        }
    }
    paste_copy(p->server, prefix, text, len);
    return status;
}

enum command_kind {
    CMD_MOVE,         /* a motion or selection change, -N times */
    CMD_ONCE,         /* ... that tmux makes once, whatever -N says */
    CMD_SCROLL_DOWN,  /* scrolling towards the bottom: -e leaves there */
    CMD_AND_CANCEL,   /* ... and leave at the bottom in any case (*-and-cancel) */
};

static void jump_again(const struct grid *g, struct copy_state *cs)
{
    copy_jump_again(g, cs, false);
}

static void jump_reverse(const struct grid *g, struct copy_state *cs)
{
    copy_jump_again(g, cs, true);
}

/* Motions that, as tmux's, scroll the view a line at a time to reach their target. */
static bool scrolls_to_reach(copy_motion_fn fn)
{
    static const copy_motion_fn fns[] = {
        copy_cursor_left, copy_cursor_right, copy_next_word, copy_next_word_end,
        copy_previous_word, copy_next_space, copy_next_space_end, copy_previous_space,
        jump_again, jump_reverse, copy_start_of_line, copy_end_of_line,
        copy_back_to_indentation,
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        if (fn == fns[i])
            return true;
    }
    return false;
}

/* A motion as tmux makes it: the cursor moves (remembering the column as tmux does when
 * it scrolls to get there: copy_remember_scrolled), then the dragged end follows it. */
static void move(const struct grid *g, struct copy_state *cs, copy_motion_fn fn)
{
    int old_x = cs->cx;
    int64_t old_y = cs->cy, old_top = cs->top;
    if (fn == jump_again || fn == jump_reverse) {
        /* as tmux, a jump that finds nothing leaves the selection alone */
        bool found = copy_jump_again(g, cs, fn == jump_reverse);
        copy_remember_scrolled(g, cs, old_x, old_y, old_top);
        if (found)
            copy_selection_follow(g, cs, false);
    } else if (fn == copy_set_mark) {
        fn(g, cs); /* as tmux, the selection stays as it is (an end a search held too) */
    } else if (fn == copy_scroll_up || fn == copy_scroll_down) {
        /* as tmux, a scroll the view cannot make leaves the selection alone, but for a
         * cursor it puts back on its line's end */
        if (copy_scroll_line(g, cs, fn == copy_scroll_up ? 1 : -1))
            copy_selection_follow(g, cs, false);
    } else {
        fn(g, cs);
        if (scrolls_to_reach(fn))
            copy_remember_scrolled(g, cs, old_x, old_y, old_top);
        copy_selection_follow(g, cs, false);
    }
}

/* refresh-from-pane: tmx's copy mode reads the live grid, so only the view is checked;
 * as tmux 3.3a, which takes a new copy of the pane, the selection goes. */
static void refresh_from_pane(const struct grid *g, struct copy_state *cs)
{
    copy_clamp(g, cs);
    copy_clear_selection(g, cs);
}

static const struct {
    const char *name;
    copy_motion_fn fn;
    enum command_kind kind;
} commands[] = {
    {"back-to-indentation", copy_back_to_indentation, CMD_ONCE},
    {"begin-selection", copy_begin_selection, CMD_ONCE},
    {"bottom-line", copy_bottom_line, CMD_ONCE},
    {"clear-selection", copy_clear_selection, CMD_ONCE},
    {"cursor-down", copy_cursor_down, CMD_MOVE},
    {"cursor-down-and-cancel", copy_cursor_down, CMD_AND_CANCEL},
    {"cursor-left", copy_cursor_left, CMD_MOVE},
    {"cursor-right", copy_cursor_right, CMD_MOVE},
    {"cursor-up", copy_cursor_up, CMD_MOVE},
    {"end-of-line", copy_end_of_line, CMD_ONCE},
    {"halfpage-down", copy_halfpage_down, CMD_SCROLL_DOWN},
    {"halfpage-down-and-cancel", copy_halfpage_down, CMD_AND_CANCEL},
    {"halfpage-up", copy_halfpage_up, CMD_MOVE},
    {"history-bottom", copy_history_bottom, CMD_ONCE},
    {"history-top", copy_history_top, CMD_ONCE},
    {"jump-again", jump_again, CMD_MOVE},
    {"jump-reverse", jump_reverse, CMD_MOVE},
    {"jump-to-mark", copy_jump_to_mark, CMD_ONCE},
    {"middle-line", copy_middle_line, CMD_ONCE},
    {"next-matching-bracket", copy_next_matching_bracket, CMD_MOVE},
    {"next-paragraph", copy_next_paragraph, CMD_MOVE},
    {"next-space", copy_next_space, CMD_MOVE},
    {"next-space-end", copy_next_space_end, CMD_MOVE},
    {"next-word", copy_next_word, CMD_MOVE},
    {"next-word-end", copy_next_word_end, CMD_MOVE},
    {"other-end", copy_other_end, CMD_MOVE},
    {"page-down", copy_page_down, CMD_SCROLL_DOWN},
    {"page-down-and-cancel", copy_page_down, CMD_AND_CANCEL},
    {"page-up", copy_page_up, CMD_MOVE},
    {"previous-matching-bracket", copy_previous_matching_bracket, CMD_MOVE},
    {"previous-paragraph", copy_previous_paragraph, CMD_MOVE},
    {"previous-space", copy_previous_space, CMD_MOVE},
    {"previous-word", copy_previous_word, CMD_MOVE},
    {"rectangle-toggle", copy_rectangle_toggle, CMD_ONCE},
    {"refresh-from-pane", refresh_from_pane, CMD_ONCE},
    {"scroll-down", copy_scroll_down, CMD_SCROLL_DOWN},
    {"scroll-down-and-cancel", copy_scroll_down, CMD_AND_CANCEL},
    {"scroll-up", copy_scroll_up, CMD_MOVE},
    {"select-line", copy_select_line, CMD_MOVE},
    {"select-word", copy_select_word, CMD_ONCE},
    {"set-mark", copy_set_mark, CMD_ONCE},
    {"start-of-line", copy_start_of_line, CMD_ONCE},
    {"stop-selection", copy_stop_selection, CMD_ONCE},
    {"top-line", copy_top_line, CMD_ONCE},
};

/* Commands that are not a plain motion: they take an argument, copy or leave. As tmux
 * 3.3a, each takes from min_args to max_args arguments and, given more or fewer, does
 * nothing: a copy's argument after its command is the new buffer's name prefix. */
static const struct {
    const char *name;
    int min_args, max_args;
} special_commands[] = {
    {"append-selection", 0, 0},
    {"append-selection-and-cancel", 0, 0},
    {"cancel", 0, 0},
    {"copy-end-of-line", 0, 1},
    {"copy-end-of-line-and-cancel", 0, 1},
    {"copy-line", 0, 1},
    {"copy-line-and-cancel", 0, 1},
    {"copy-pipe", 0, 2},
    {"copy-pipe-and-cancel", 0, 2},
    {"copy-pipe-end-of-line", 0, 2},
    {"copy-pipe-end-of-line-and-cancel", 0, 2},
    {"copy-pipe-line", 0, 2},
    {"copy-pipe-line-and-cancel", 0, 2},
    {"copy-pipe-no-clear", 0, 2},
    {"copy-selection", 0, 1},
    {"copy-selection-and-cancel", 0, 1},
    {"copy-selection-no-clear", 0, 1},
    {"goto-line", 1, 1},
    {"jump-backward", 1, 1},
    {"jump-forward", 1, 1},
    {"jump-to-backward", 1, 1},
    {"jump-to-forward", 1, 1},
    {"next-prompt", 0, 1},
    {"pipe", 0, 1},
    {"pipe-and-cancel", 0, 1},
    {"pipe-no-clear", 0, 1},
    {"previous-prompt", 0, 1},
    {"search-again", 0, 0},
    {"search-backward", 0, 1},
    {"search-backward-incremental", 0, 1},
    {"search-backward-text", 0, 1},
    {"search-forward", 0, 1},
    {"search-forward-incremental", 0, 1},
    {"search-forward-text", 0, 1},
    {"search-reverse", 0, 0},
    {"select-last-output", 0, 0},
    {"toggle-position", 0, 0},
};

/* The index of a special command in special_commands, -1 if it is none. */
static int special_index(const char *name)
{
    for (size_t i = 0; i < sizeof special_commands / sizeof special_commands[0]; i++) {
        if (strcmp(name, special_commands[i].name) == 0)
            return (int)i;
    }
    return -1;
}

static bool is_special(const char *name)
{
    return special_index(name) >= 0;
}

static void search_failed(struct pane *p, const char *text)
{
    char *msg = xasprintf("Search: \"%s\" not found", text);
    pane_message(p, msg);
    free(msg);
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The selection appended to the newest buffer (append-selection). */
static void append_selection(struct pane *p)
{
    size_t len;
    char *text = copy_selection_text(pane_grid(p), &copy_mode_of(p)->cs, &len);
    if (text == NULL)
        return;
    struct paste_buffer *pb = paste_top(p->server);
    if (pb == NULL) {
        paste_copy(p->server, NULL, text, len);
        return;
    }
    char *joined = xmalloc(pb->size + len + 1);
    memcpy(joined, pb->data, pb->size);
    memcpy(joined + pb->size, text, len);
    joined[pb->size + len] = '\0';
    free(text);
    paste_set(p->server, pb->name, joined, pb->size + len);
}

/* The selection piped to command without a copy (pipe). */
static void pipe_selection(struct pane *p, const char *command)
{
    size_t len;
    char *text = copy_selection_text(pane_grid(p), &copy_mode_of(p)->cs, &len);
    if (text == NULL)
        return;
    if (command != NULL && *command != '\0' && len > 0) {
        char err[256];
        job_run_input(p->server, command, p->cwd, text, len, NULL, NULL, err, sizeof err);
    }
    free(text);
}

/* A command that takes an argument, copies or leaves. As tmux, a missing argument or a
 * failed search is no error. */
static int run_special(struct cmd_ctx *ctx, struct pane *p, const char *name, const char *arg,
                       const char *arg2, long repeat)
{
    struct copy_mode *cm = copy_mode_of(p);
    struct copy_state *cs = &cm->cs;
    const struct grid *g = pane_grid(p);
    bool has_arg = arg != NULL && *arg != '\0';
    if (strcmp(name, "cancel") == 0) {
        copy_mode_leave(p);
    } else if (strcmp(name, "toggle-position") == 0) {
        cm->hide_position = !cm->hide_position;
    } else if (starts(name, "append-selection")) {
        append_selection(p);
        if (ends(name, "-and-cancel"))
            copy_mode_leave(p);
        else
            copy_clear_selection(g, cs);
    } else if (starts(name, "pipe")) {
        pipe_selection(p, has_arg ? arg : options_get_string(p->server->options, "copy-command"));
        if (ends(name, "-and-cancel"))
            copy_mode_leave(p);
        else if (!ends(name, "-no-clear"))
            copy_clear_selection(g, cs);
    } else if (starts(name, "copy-")) {
        /* copy-pipe* CMD: also CMD's stdin (copy-command when CMD is not given). The
         * argument after it (the only one of the others) names the buffer: prefixN. */
        const char *command = NULL, *prefix = arg;
        if (starts(name, "copy-pipe")) {
            command = has_arg ? arg : options_get_string(p->server->options, "copy-command");
            prefix = arg2;
        }
        if (strstr(name, "end-of-line") != NULL)
            copy_select_to_end_of_line(g, cs);
        else if (strstr(name, "-line") != NULL)
            copy_select_whole_line(g, cs);
        int status = copy_selection(ctx, p, command, prefix);
        if (ends(name, "-and-cancel"))
            copy_mode_leave(p);
        else if (!ends(name, "-no-clear"))
            copy_clear_selection(g, cs);
        return status;
    } else if (strcmp(name, "next-prompt") == 0 || strcmp(name, "previous-prompt") == 0) {
        /* Shell integration (OSC 133), as tmux 3.4: -o for the command output. */
        uint8_t mark = has_arg && strcmp(arg, "-o") == 0 ? GRID_MARK_OUTPUT : GRID_MARK_PROMPT;
        if (has_arg && mark != GRID_MARK_OUTPUT)
            return 0;
        for (long r = 0; r < repeat; r++) {
            if (!copy_jump_mark(g, cs, mark, name[0] == 'n'))
                break;
        }
    } else if (strcmp(name, "select-last-output") == 0) {
        if (!copy_select_last_output(g, cs))
            pane_message(p, "No finished command output (the shell marks none: OSC 133)");
    } else if (strcmp(name, "goto-line") == 0) {
        char *end;
        long long n = has_arg ? strtoll(arg, &end, 10) : -1;
        if (has_arg && *end == '\0' && n >= 0)
            copy_goto_line(g, cs, n);
    } else if (starts(name, "jump-")) {
        int type = strcmp(name, "jump-forward") == 0    ? COPY_JUMP_FORWARD
                   : strcmp(name, "jump-backward") == 0 ? COPY_JUMP_BACKWARD
                   : strcmp(name, "jump-to-forward") == 0 ? COPY_JUMP_TO_FORWARD
                                                          : COPY_JUMP_TO_BACKWARD;
        if (has_arg) {
            int old_x = cs->cx;
            int64_t old_y = cs->cy, old_top = cs->top;
            bool found = copy_jump(g, cs, type, arg);
            copy_remember_scrolled(g, cs, old_x, old_y, old_top);
            if (found)
                copy_selection_follow(g, cs, false);
            for (long i = 1; i < repeat; i++)
                move(g, cs, jump_again);
        }
    } else if (ends(name, "-incremental")) {
        /* From command-prompt -i: '=' the text changed (search again from where the
         * search started), '-' C-r and '+' C-s (the next match up or down). */
        if (arg == NULL || *arg == '\0')
            return 0;
        char prefix = *arg++;
        if (!cm->inc_active) {
            cm->inc_active = true;
            cm->inc_y = cs->cy;
            cm->inc_x = cs->cx;
            cm->inc_top = cs->top;
        } else if (prefix == '=' || cs->search == NULL || strcmp(arg, cs->search) != 0) {
            cs->cy = cm->inc_y;
            cs->cx = cm->inc_x;
            cs->top = cm->inc_top;
            copy_clamp(g, cs);
        }
        if (*arg == '\0') {
            free(cs->search);
            cs->search = NULL;
            copy_search_hide(cs);
            return 0;
        }
        bool up = starts(name, "search-backward") ? prefix != '+' : prefix == '-';
        cs->no_wrap = p->options != NULL && !options_get_number(p->options, "wrap-search");
        if (!copy_search(g, cs, arg, up, false))
            copy_search_hide(cs);
    } else if (starts(name, "search-forward") || starts(name, "search-backward")) {
        bool up = starts(name, "search-backward");
        if (!has_arg)
            return 0;
        cs->no_wrap = p->options != NULL && !options_get_number(p->options, "wrap-search");
        /* As tmux 3.3a: a regular expression, the -text ones plain text. */
        bool found = copy_search(g, cs, arg, up, !ends(name, "-text"));
        for (long i = 1; found && i < repeat; i++)
            found = copy_search_again(g, cs, false);
        if (!found)
            search_failed(p, arg);
    } else {
        if (cs->search == NULL)
            return 0;
        bool reverse = strcmp(name, "search-reverse") == 0, found = true;
        cs->no_wrap = p->options != NULL && !options_get_number(p->options, "wrap-search");
        for (long i = 0; found && i < repeat; i++)
            found = copy_search_again(g, cs, reverse);
        if (!found)
            search_failed(p, cs->search);
    }
    return 0;
}

/* Whether a command hides the search's matches first, as tmux's: every one but the
 * searches, the *-no-clear ones and toggle-position; with vi keys, not the motions
 * either. */
static bool clears_marks(const char *name, bool vi)
{
    static const char *const motions[] = {
        "bottom-line", "cursor-down", "cursor-left", "cursor-right", "cursor-up",
        "end-of-line", "goto-line", "halfpage-down", "halfpage-up", "history-bottom",
        "history-top", "jump-again", "jump-backward", "jump-forward", "jump-reverse",
        "jump-to-backward", "jump-to-forward", "middle-line", "next-paragraph", "next-space",
        "next-space-end", "next-word", "next-word-end", "other-end", "page-down", "page-up",
        "previous-paragraph", "previous-space", "previous-word", "scroll-down", "scroll-up",
        "start-of-line", "top-line",
    };
    if (ends(name, "-no-clear") || strcmp(name, "toggle-position") == 0 ||
        starts(name, "search-"))
        return false; /* a search shows its own matches, or a failed one the last's */
    if (!vi)
        return true;
    for (size_t i = 0; i < sizeof motions / sizeof motions[0]; i++) {
        if (strcmp(name, motions[i]) == 0)
            return false;
    }
    return true;
}

/* Whether copy mode knows the command (a motion or one of the special ones). */
static bool is_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(name, commands[i].name) == 0)
            return true;
    }
    return is_special(name);
}

int copy_mode_command(struct cmd_ctx *ctx, struct pane *p, int argc, char **argv, long repeat)
{
    struct copy_mode *cm = copy_mode_of(p);
    if (cm == NULL) {
        cmd_error(ctx, "not in a mode");
        return -1;
    }
    /* No command: the repeat count is for the next one (the repeat prompt, vi's 1-9). As
     * tmux, a command copy mode does not know does nothing. */
    if (argc < 1) {
        cm->prefix = repeat;
        return 0;
    }
    if (cm->prefix > 0 && repeat == 1)
        repeat = cm->prefix;
    cm->prefix = 0;
    const char *name = argv[0];
    /* As tmux, a command given more (or fewer) arguments than it takes does nothing, not
     * even hide the matches shown: a motion takes none. */
    int special = special_index(name);
    if (special >= 0 ? argc - 1 < special_commands[special].min_args ||
                           argc - 1 > special_commands[special].max_args
                     : argc > 1)
        return 0;
    if (!ends(name, "-incremental"))
        cm->inc_active = false;
    if (is_command(name) && clears_marks(name, cm->cs.vi))
        copy_search_hide(&cm->cs); /* as tmux, not for a command it does not know */
    /* The end a search held stays until a command that moves the selection's end. */
    if (is_command(name) && !starts(name, "search-") && strcmp(name, "set-mark") != 0 &&
        strcmp(name, "toggle-position") != 0)
        cm->cs.end_held = false;
    const struct grid *g = pane_grid(p);
    struct copy_state *cs = &cm->cs;
    copy_clamp(g, cs);
    int64_t top = cs->top;
    int rc = 0;
    size_t i;
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(name, commands[i].name) == 0)
            break;
    }
    if (i < sizeof commands / sizeof commands[0]) {
        int64_t row = cs->cy - cs->top;
        copy_motion_fn fn = commands[i].fn;
        if (fn == copy_select_line)
            copy_select_lines(g, cs, repeat);
        else if (fn == copy_select_word)
            fn(g, cs); /* its end is where it put it, not a word further */
        else if (commands[i].kind == CMD_ONCE)
            move(g, cs, fn);
        else if (fn == copy_other_end) {
            cs->unit = COPY_UNIT_CHAR; /* as tmux: the ends stop snapping to words */
            if (repeat % 2 != 0) /* as tmux: an even count goes back where it was */
                copy_other_end(g, cs);
        } else {
            /* As tmux, the end of the selection the cursor drags follows each step. */
            for (long r = 0; r < repeat; r++)
                move(g, cs, fn);
        }
        bool leaves = commands[i].kind == CMD_SCROLL_DOWN || commands[i].kind == CMD_AND_CANCEL;
        /* as tmux, cursor-down-and-cancel leaves only when the cursor's row stays */
        bool stays = fn == copy_cursor_down && cs->cy - cs->top != row;
        if (leaves && !stays && copy_offset(g, cs) == 0 &&
            (cm->exit_at_bottom || commands[i].kind == CMD_AND_CANCEL))
            copy_mode_leave(p);
    } else if (is_special(name)) {
        rc = run_special(ctx, p, name, argc > 1 ? argv[1] : NULL, argc > 2 ? argv[2] : NULL,
                         repeat);
        if (starts(name, "search-") && copy_mode_of(p) == cm)
            keep_last_search(p, cs);
        /* After goto-line and the like, the dragged end follows the cursor; a jump or a
         * search has moved it when it found its target, and leaves it alone otherwise
         * (as tmux: a failed search does not snap a select-word end to a word). */
        bool copies = starts(name, "copy-") || starts(name, "pipe") || starts(name, "append");
        if (!copies && !starts(name, "jump-") && !starts(name, "search-") &&
            strcmp(name, "toggle-position") != 0 && copy_mode_of(p) == cm)
            copy_selection_follow(pane_grid(p), cs, false);
    } else
        return 0;
    /* As tmux, the matches shown are found again, for the last search even when it
     * failed, when the view moves and after the commands that scroll by pages or to a
     * paragraph or an end of the history (even when the view stays). */
    static const char *const refind[] = {
        "halfpage-down", "halfpage-up", "history-bottom", "history-top", "next-paragraph",
        "page-down", "page-up", "previous-paragraph",
    };
    bool left = copy_mode_of(p) != cm; /* cm is freed then */
    bool again = !left && cs->top != top;
    for (size_t k = 0; !left && k < sizeof refind / sizeof refind[0]; k++)
        again = again || starts(name, refind[k]);
    if (again)
        copy_search_refresh(cs);
    redraw(p);
    return rc;
}

/* The pen a style option of the pane's window gives. */
static struct grid_pen style_pen(struct pane *p, const char *option)
{
    struct grid_pen pen = {0};
    char err[128];
    const struct options *o = p->window != NULL ? p->window->options : p->server->window_options;
    style_apply(&pen, options_get_string(o, option), err, sizeof err);
    return pen;
}

/* The position indicator's text: [offset/history size], after the number of matches
 * while a search's are shown, as tmux. Returns its length. */
static int position_text(const struct copy_state *cs, const struct grid *g, char *buf,
                         size_t size)
{
    char count[40] = "";
    if (cs->marks != NULL && cs->search_count >= 0)
        snprintf(count, sizeof count, "(%d results) ", cs->search_count);
    return snprintf(buf, size, "%s[%" PRId64 "/%d]", count, copy_offset(g, cs),
                    grid_history_size(g));
}

static void paint(struct grid_cell *c, const struct grid_pen *pen)
{
    c->fg = pen->fg;
    c->bg = pen->bg;
    c->attr = pen->attr;
}

/* copy-mode-line-numbers (newer tmux): 0 off, 1 default, 2 absolute, 3 relative, 4
 * hybrid; never in a copy mode entered with the mouse. */
static int line_numbers(struct pane *p)
{
    struct copy_mode *cm = copy_mode_of(p);
    if (cm == NULL || cm->mouse_entered)
        return 0;
    const struct options *o = p->window != NULL ? p->window->options : p->server->window_options;
    return (int)options_get_number(o, "copy-mode-line-numbers");
}

/* The number shown beside line 'line' in mode 'how'. */
static int64_t line_number(const struct grid *g, const struct copy_state *cs, int how,
                           int64_t line)
{
    switch (how) {
    case 1:
        return line - copy_screen_top(g);
    case 2:
        return line - copy_first_line(g) + 1;
    case 3:
        return line > cs->cy ? line - cs->cy : cs->cy - line;
    default:
        return line == cs->cy ? line - copy_first_line(g) + 1
                              : (line > cs->cy ? line - cs->cy : cs->cy - line);
    }
}

/* The width of the line numbers' column (the widest number shown and a blank), 0 with
 * no numbers or no room for them beside one column of text. */
static int gutter_width(struct pane *p, const struct grid *g, const struct copy_state *cs,
                        int cols, int rows)
{
    int how = line_numbers(p);
    if (how == 0)
        return 0;
    int widest = 1;
    for (int y = 0; y < rows; y++) {
        char buf[32];
        int w = snprintf(buf, sizeof buf, "%" PRId64, line_number(g, cs, how, cs->top + y));
        if (w > widest)
            widest = w;
    }
    return widest + 1 < cols ? widest + 1 : 0;
}

static void copy_mode_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width,
                           int height)
{
    struct copy_mode *cm = p->mode_data;
    struct copy_state *cs = &cm->cs;
    const struct grid *g = pane_grid(p);
    copy_clamp(g, cs);
    int n = grid_cols(g) < width ? grid_cols(g) : width;
    int rows = grid_rows(g) < height ? grid_rows(g) : height;
    if (x0 + n > cv->cols)
        n = cv->cols - x0;
    if (y0 + rows > cv->rows)
        rows = cv->rows - y0;
    if (n <= 0 || rows <= 0)
        return;
    struct grid_pen mode_pen = style_pen(p, "mode-style");
    struct grid_pen match_pen = style_pen(p, "copy-mode-match-style");
    struct grid_pen current_pen = style_pen(p, "copy-mode-current-match-style");
    struct grid_pen mark_pen = style_pen(p, "copy-mode-mark-style");
    struct grid_pen mark_at = mark_pen;
    mark_at.fg = mark_pen.bg;
    mark_at.bg = mark_pen.fg;
    /* Line numbers: a column on the left, the text beside it (its right end unseen). */
    int gutter = gutter_width(p, g, cs, n, rows), how = line_numbers(p);
    if (gutter > 0) {
        struct grid_pen number_pen = style_pen(p, "copy-mode-line-number-style");
        struct grid_pen current_number = style_pen(p, "copy-mode-current-line-number-style");
        for (int y = 0; y < rows; y++) {
            int64_t line = cs->top + y;
            char buf[32];
            snprintf(buf, sizeof buf, "%*" PRId64 " ", gutter - 1, line_number(g, cs, how, line));
            canvas_put_text(cv, x0, y0 + y, x0 + gutter, buf,
                            line == cs->cy ? &current_number : &number_pen);
        }
        x0 += gutter;
        n -= gutter;
    }
    uint8_t *marks = xmalloc((size_t)n);
    unsigned *view_marks = copy_search_view_marks(g, cs);
    unsigned current = view_marks != NULL ? copy_search_current(g, cs, view_marks) : 0;
    for (int y = 0; y < rows; y++) {
        int64_t line = cs->top + y;
        struct grid_cell *row = canvas_cell(cv, x0, y0 + y);
        copy_line_fetch(g, line, &cm->line);
        pane_line_draw_vt(mode_vt(p), cv, row, &cm->line, n);
        memset(marks, 0, (size_t)n);
        /* The match under the cursor is the current one. */
        for (int x = 0; view_marks != NULL && x < n; x++) {
            unsigned at = view_marks[(size_t)y * (size_t)grid_cols(g) + (size_t)x];
            marks[x] = at == 0 ? 0 : at == current ? 2 : 1;
        }
        bool mark_line = cs->mark_set && line == cs->mark_y;
        for (int x = 0; x < n; x++) {
            if (copy_selected(cs, line, x))
                paint(&row[x], &mode_pen);
            else if (marks[x] != 0)
                paint(&row[x], marks[x] == 2 ? &current_pen : &match_pen);
            else if (mark_line)
                paint(&row[x], x == cs->mark_x ? &mark_at : &mark_pen);
        }
    }
    free(marks);
    free(view_marks);
    /* The position indicator, top right: [offset/history size], after the number of
     * matches while a search's are shown, as tmux. */
    char pos[96];
    int len = position_text(cs, g, pos, sizeof pos);
    if (!cm->hide_position && len > 0 && len <= n) {
        int x = x0 + n - len;
        struct grid_cell *row = canvas_cell(cv, x0, y0);
        if (x > x0 && grid_cell_width(&row[x - x0]) == 0)
            row[x - x0 - 1] = grid_blank_cell;
        canvas_put_text(cv, x, y0, x0 + n, pos, &mode_pen);
    }
}

static void copy_mode_cursor(struct pane *p, int *x, int *y, bool *visible)
{
    struct copy_state *cs = &copy_mode_of(p)->cs;
    const struct grid *g = pane_grid(p);
    copy_clamp(g, cs);
    int gutter = gutter_width(p, g, cs, p->cols, grid_rows(g) < p->rows ? grid_rows(g) : p->rows);
    *x = cs->cx + gutter;
    *y = (int)(cs->cy - cs->top);
    *visible = *x < p->cols;
}

static const char *copy_mode_key_table(struct pane *p);

/* Run the binding of a mouse key in the mode's key table for pane p, as from client c;
 * what it prints or its error is shown as a message. */
static void run_mouse_binding(struct client *c, struct pane *p, key_code key)
{
    const struct key_binding *b = key_bindings_find(p->server, copy_mode_key_table(p), key);
    if (b == NULL)
        return;
    struct cmd_ctx ctx = {.server = p->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new(), .target_pane = p};
    cmd_execute_binding(&ctx, b);
    struct evbuffer *shown = evbuffer_get_length(ctx.err) > 0 ? ctx.err : ctx.out;
    size_t len = evbuffer_get_length(shown);
    if (len > 0) {
        char *text = xstrndup((const char *)evbuffer_pullup(shown, -1), len);
        text[strcspn(text, "\n")] = '\0';
        pane_message(p, text);
        free(text);
    }
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
}

/* The text's column under pane column x (the line numbers' column is left of it). */
static int text_x(struct pane *p, int x)
{
    struct copy_mode *cm = copy_mode_of(p);
    if (cm == NULL)
        return x;
    const struct grid *g = pane_grid(p);
    int rows = grid_rows(g) < p->rows ? grid_rows(g) : p->rows;
    x -= gutter_width(p, g, &cm->cs, p->cols, rows);
    return x < 0 ? 0 : x;
}

void copy_mode_mouse(struct client *c, struct pane *p, const struct mouse_event *m, int x,
                     int y)
{
    int button = m->button & ~KEY_MOUSE_MODS;
    const struct grid *g = pane_grid(p);
    if (button == KEY_MOUSE_WHEEL || button == (KEY_MOUSE_WHEEL | 1)) {
        bool up = button == KEY_MOUSE_WHEEL;
        if (copy_mode_of(p) != NULL) {
            /* In copy mode: WheelUpPane / WheelDownPane of the mode's table (tmux's
             * default scrolls 5 lines; down leaves at the bottom after copy-mode -e). */
            run_mouse_binding(c, p, KEYC_MOUSE_KEY(up ? KEY_MOUSE_WHEEL_UP : KEY_MOUSE_WHEEL_DOWN,
                                                   0, KEY_MOUSE_PANE));
            return;
        }
        if (up) {
            /* Over a pane in no mode: copy-mode -e and scroll, as tmux's root binding. */
            copy_mode_enter(p, true);
            copy_mode_of(p)->mouse_entered = true;
            copy_scroll_by(g, &copy_mode_of(p)->cs, WHEEL_LINES);
            redraw(p);
        }
        return;
    }
    bool release = m->release || (!m->sgr && (button & KEY_MOUSE_BUTTON_MASK) == 3 &&
                                  !(button & KEY_MOUSE_MOTION));
    if (release) {
        /* The end of a drag runs the mode's table's MouseDragEnd1Pane (tmux's default:
         * copy what it selected and leave); unbound, the selection stays. */
        bool dragged = c->mouse_dragging;
        c->mouse_down = c->mouse_dragging = false;
        if (dragged && copy_mode_of(p) != NULL)
            run_mouse_binding(c, p, KEYC_MOUSE_KEY(KEY_MOUSE_DRAG_END, 1, KEY_MOUSE_PANE));
        return;
    }
    if (button == 0) {
        c->mouse_down = true;
        c->mouse_dragging = false;
        c->mouse_down_x = x;
        c->mouse_down_y = y;
        return;
    }
    if (button == KEY_MOUSE_MOTION && c->mouse_down) {
        if (!c->mouse_dragging) {
            bool was = copy_mode_of(p) != NULL;
            copy_mode_enter(p, false);
            if (!was)
                copy_mode_of(p)->mouse_entered = true;
            g = pane_grid(p);
            copy_cursor_to(g, &copy_mode_of(p)->cs, text_x(p, c->mouse_down_x),
                           c->mouse_down_y);
            copy_begin_selection(g, &copy_mode_of(p)->cs);
            c->mouse_dragging = true;
        }
        struct copy_state *cs = &copy_mode_of(p)->cs;
        /* Dragging past the top or bottom edge scrolls. */
        if (y < 0)
            copy_scroll_by(g, cs, 1);
        else if (y >= grid_rows(g))
            copy_scroll_by(g, cs, -1);
        copy_cursor_to(g, cs, text_x(p, x), y);
        copy_selection_follow(g, cs, false);
        redraw(p);
    }
}

/* copy-mode-vi or copy-mode, by the session's mode-keys. */
static const char *copy_mode_key_table(struct pane *p)
{
    return vi_keys(p) ? "copy-mode-vi" : "copy-mode";
}

/* The view follows the grid's new size. */
static void copy_mode_resize(struct pane *p, int cols, int rows)
{
    struct copy_mode *cm = copy_mode_of(p);
    if (cm->view != NULL)
        vt_resize(cm->view, cols, rows);
    copy_clamp(pane_grid(p), &cm->cs);
}

/* The variables tmux 3.3a gives in copy mode: the view's offset from the live screen,
 * the copy cursor in the view, the rectangle flag, the selection (its ends counted in
 * lines from the oldest history line, as tmux), the search's matches, and the word and
 * line under the cursor. */
static char *copy_mode_format(struct pane *p, const char *name)
{
    struct copy_mode *cm = copy_mode_of(p);
    struct copy_state *cs = &cm->cs;
    const struct grid *g = pane_grid(p);
    copy_clamp(g, cs);
    int64_t first = copy_first_line(g);
    if (strcmp(name, "scroll_position") == 0)
        return xasprintf("%" PRId64, copy_offset(g, cs));
    if (strcmp(name, "rectangle_toggle") == 0)
        return xasprintf("%d", cs->rectangle ? 1 : 0);
    if (strcmp(name, "copy_cursor_x") == 0)
        return xasprintf("%d", cs->cx);
    if (strcmp(name, "copy_cursor_y") == 0)
        return xasprintf("%" PRId64, cs->cy - cs->top);
    if (strcmp(name, "selection_present") == 0)
        return xasprintf("%d", cs->selecting ? 1 : 0);
    if (strcmp(name, "selection_active") == 0)
        return xasprintf("%d", cs->selecting && cs->drag != COPY_DRAG_NONE ? 1 : 0);
    if (strncmp(name, "selection_", 10) == 0 && cs->selecting) {
        if (strcmp(name + 10, "start_x") == 0)
            return xasprintf("%d", cs->sel_x);
        if (strcmp(name + 10, "start_y") == 0)
            return xasprintf("%" PRId64, cs->sel_y - first);
        if (strcmp(name + 10, "end_x") == 0)
            return xasprintf("%d", cs->end_x);
        if (strcmp(name + 10, "end_y") == 0)
            return xasprintf("%" PRId64, cs->end_y - first);
        return NULL;
    }
    if (strcmp(name, "search_present") == 0)
        return xasprintf("%d", cs->marks != NULL ? 1 : 0);
    if (strcmp(name, "search_match") == 0)
        return copy_search_match(g, cs);
    if (strcmp(name, "copy_cursor_word") == 0) {
        /* As tmux 3.3a, over the screen it shows: the position indicator is part of it. */
        char pos[96];
        position_text(cs, g, pos, sizeof pos);
        return copy_cursor_word(g, cs, cm->hide_position ? NULL : pos);
    }
    if (strcmp(name, "copy_cursor_line") == 0) {
        /* What select-line would take, on a copy of the state. */
        struct copy_state tmp = *cs;
        copy_select_whole_line(g, &tmp);
        size_t len;
        char *text = copy_selection_text(g, &tmp, &len);
        if (text != NULL && len > 0 && text[len - 1] == '\n')
            text[len - 1] = '\0';
        return text != NULL ? text : xstrdup("");
    }
    return NULL;
}

static const struct pane_mode copy_mode_ops = {
    .name = "copy-mode",
    .key_table = copy_mode_key_table,
    .free = copy_mode_free,
    .resize = copy_mode_resize,
    .draw = copy_mode_draw,
    .cursor = copy_mode_cursor,
    .mouse = copy_mode_mouse,
    .command = copy_mode_command,
    .format = copy_mode_format,
};

/* tmux's view-mode: copy mode over the screen of text it was given. */
static const struct pane_mode view_mode_ops = {
    .name = "view-mode",
    .key_table = copy_mode_key_table,
    .free = copy_mode_free,
    .resize = copy_mode_resize,
    .draw = copy_mode_draw,
    .cursor = copy_mode_cursor,
    .mouse = copy_mode_mouse,
    .command = copy_mode_command,
    .format = copy_mode_format,
};
