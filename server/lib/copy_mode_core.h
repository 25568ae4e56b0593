/* copy_mode_core.h - copy mode's logic over a grid, with no server around it: the view
 * (which lines of history and screen are shown), the copy cursor, motions, search and
 * the selection turned into text. The server glue is copy_mode.c.
 *
 * Lines are numbered absolutely: line n is the n-th line the grid ever held, counting
 * lines dropped from the oldest end of history (grid_history_dropped). New output
 * pushing lines into history, or history being trimmed, does not change a line's
 * number, so the view stays on the text the user reads while the pane runs on. */
#ifndef TMX_COPY_MODE_CORE_H
#define TMX_COPY_MODE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grid.h"

struct copy_state {
    int64_t top;        /* number of the first line shown */
    int64_t cy;         /* the copy cursor's line */
    int cx;             /* the copy cursor's column */
    int last_cx;        /* as tmux, vertical motions aim for this column, remembered */
    int last_len;       /* with its line's length, when one last left a line from */
                        /* elsewhere than its end; at or past that length: line ends */
    bool vi;            /* vi keys: a selection includes the cell under the cursor */
    bool selecting;     /* a selection is shown, from (sel_x, sel_y) to (end_x, end_y) */
    bool rectangle;     /* ... a rectangle (rectangle-toggle; stays when it is cleared) */
    int64_t sel_y;      /* as tmux: its start, where it was begun, and its end; which */
    int sel_x;          /* of the two follows the cursor is 'drag' */
    int64_t end_y;
    int end_x;
    int drag;           /* COPY_DRAG_*: the end the cursor drags (other-end swaps them) */
    int line_flag;      /* COPY_LINES_*: select-line or select-word, as tmux's lineflag */
    int unit;           /* COPY_UNIT_*: what the dragged end snaps to */
    int64_t anchor_y;   /* where select-word or select-line started, and the first */
    int anchor_x;       /* word or line it took: the ends go back to those when the */
    int64_t reset_y;    /* cursor crosses the anchor */
    int reset_x;
    int64_t reset_end_y;
    int reset_end_x;
    bool end_held;      /* the last search put the dragged end where it found its match,
                           the cursor on the match's start or past it: the end stays there
                           until the next command but a search (copy_selection_follow) */
    char *search;       /* the last search, NULL if none */
    bool search_regex;  /* ... a regular expression (search-forward, search-backward) */
    char *marks;        /* the search whose matches are shown (#{search_present}), NULL:
                           none; a failed search leaves the last one's, as tmux */
    bool marks_regex;
    char *searched;     /* the text of the last search, found or not, and its kind: */
    bool searched_regex;/* a search for another counts the matches again */
    int search_count;   /* how many matches the history holds (-1: not counted) */
    char *separators;   /* word-separators (ASCII) when it started; NULL: the default */
    bool search_up;     /* its direction: towards history */
    int jump_type;      /* the last jump (COPY_JUMP_*), for jump-again and -reverse */
    uint32_t jump_char; /* ... and its character */
    bool mark_set;      /* set-mark: a position jump-to-mark goes back to */
    int64_t mark_y;
    int mark_x;
    bool no_wrap;       /* wrap-search off: searches stop at the ends of the history */
};

/* Which end of the selection follows the cursor. */
enum { COPY_DRAG_NONE, COPY_DRAG_END, COPY_DRAG_START };
/* select-line and select-word: the cursor goes to the end (start) of the line it reaches
 * while the selection runs down (up). */
enum { COPY_LINES_NONE, COPY_LINES_DOWN, COPY_LINES_UP };
/* select-word and select-line: moving the cursor takes whole words or lines. */
enum { COPY_UNIT_CHAR, COPY_UNIT_WORD, COPY_UNIT_LINE };

/* Jumps to a character on the cursor's line (f F t T in vi). */
enum {
    COPY_JUMP_NONE,
    COPY_JUMP_FORWARD,      /* onto the next one */
    COPY_JUMP_BACKWARD,     /* onto the previous one */
    COPY_JUMP_TO_FORWARD,   /* just before the next one */
    COPY_JUMP_TO_BACKWARD,  /* just after the previous one */
};

/* Start with the view on the live screen and the cursor at (x, y) of the screen. */
void copy_state_init(struct copy_state *cs, const struct grid *g, bool vi, int x, int y);
void copy_state_free(struct copy_state *cs);

/* The numbers of the oldest line, of the first screen line (the view's top when
 * not scrolled back) and of the last screen line. */
int64_t copy_first_line(const struct grid *g);
int64_t copy_screen_top(const struct grid *g);
int64_t copy_last_line(const struct grid *g);
/* How many lines the view is scrolled back from the live screen (the position
 * indicator's [offset/history-size]). */
int64_t copy_offset(const struct grid *g, const struct copy_state *cs);
/* Keep the view, cursor and selection inside what the grid holds now (after output,
 * history trimming, a resize); the cursor stays inside the view. */
void copy_clamp(const struct grid *g, struct copy_state *cs);

/* Copy line n into l (blank, used 0, if the grid does not hold it). Returns false
 * then. l is reused between calls; free with copy_line_free. */
bool copy_line_fetch(const struct grid *g, int64_t n, struct grid_line *l);
void copy_line_free(struct grid_line *l);
/* Columns up to the last non-blank cell. */
int copy_line_length(const struct grid_line *l);
/* The same for line y of the history and screen (fetched and freed). */
int copy_row_length(const struct grid *g, int64_t y);

/* Motions: each moves the cursor (and the view when the cursor would leave it). */
typedef void (*copy_motion_fn)(const struct grid *g, struct copy_state *cs);
void copy_cursor_up(const struct grid *g, struct copy_state *cs);
void copy_cursor_down(const struct grid *g, struct copy_state *cs);
void copy_cursor_left(const struct grid *g, struct copy_state *cs);
void copy_cursor_right(const struct grid *g, struct copy_state *cs);
void copy_start_of_line(const struct grid *g, struct copy_state *cs);
/* Bring line y into view when it is out of it, as tmux does for a search match or a
 * paragraph: a quarter of the height above the bottom, or the history's top or bottom
 * when y is near that end. */
void copy_show_line(const struct grid *g, struct copy_state *cs, int64_t y);
/* Back onto the line's end when the cursor is past it. */
void copy_clamp_to_line(const struct grid *g, struct copy_state *cs);
void copy_end_of_line(const struct grid *g, struct copy_state *cs);
void copy_back_to_indentation(const struct grid *g, struct copy_state *cs);
void copy_history_top(const struct grid *g, struct copy_state *cs);
void copy_history_bottom(const struct grid *g, struct copy_state *cs);
void copy_top_line(const struct grid *g, struct copy_state *cs);
void copy_middle_line(const struct grid *g, struct copy_state *cs);
void copy_bottom_line(const struct grid *g, struct copy_state *cs);
/* Words: letters, digits and '_' make words, other printable ASCII punctuation runs
 * (as in vi); the "space" variants (W B E) take any run of non-blanks as a word. */
void copy_next_word(const struct grid *g, struct copy_state *cs);
void copy_previous_word(const struct grid *g, struct copy_state *cs);
void copy_next_word_end(const struct grid *g, struct copy_state *cs);
void copy_next_space(const struct grid *g, struct copy_state *cs);
void copy_previous_space(const struct grid *g, struct copy_state *cs);
void copy_next_space_end(const struct grid *g, struct copy_state *cs);
/* Scrolling moves the view; the cursor keeps its line while it is in view, else it
 * keeps its row of the view. Page: the view's height less 2 (at least 1). */
void copy_scroll_up(const struct grid *g, struct copy_state *cs);
void copy_scroll_down(const struct grid *g, struct copy_state *cs);
/* scroll-up (n 1) and scroll-down (n -1), as tmux: the view moves a line and the cursor
 * keeps its row, its column as after a vertical motion (at an end of the history too).
 * Returns whether tmux would move the selection's end to the cursor: when the view
 * moved, the cursor was put back on its line's end, or select-line or select-word put
 * it on an end of its line. */
bool copy_scroll_line(const struct grid *g, struct copy_state *cs, int64_t n);
void copy_halfpage_up(const struct grid *g, struct copy_state *cs);
void copy_halfpage_down(const struct grid *g, struct copy_state *cs);
void copy_page_up(const struct grid *g, struct copy_state *cs);
void copy_page_down(const struct grid *g, struct copy_state *cs);
/* Scroll the view by n lines (positive: back into history). */
void copy_scroll_by(const struct grid *g, struct copy_state *cs, int64_t n);
/* goto-line N: scroll the view to offset N from the live screen (clamped to the
 * history), the cursor keeping its row. */
void copy_goto_line(const struct grid *g, struct copy_state *cs, int64_t offset);
/* Put the cursor at (x, row of the view), clamped. */
void copy_cursor_to(const struct grid *g, struct copy_state *cs, int x, int row);

/* Search for text (UTF-8) from the cursor, towards history when up, wrapping around
 * the ends (not with no_wrap), as tmux 3.3a (copy_mode_search.c): a POSIX extended
 * regular expression when regex (plain text if it has no special character), else plain
 * text; case-insensitive when text has no upper-case letter. The cursor moves to the
 * start of the match (emacs keys, down: just after it), the view follows, its matches
 * are shown. Remembers text, kind and direction for search-again. Returns false
 * (nothing moved, the matches shown stay) when text is nowhere or does not compile. */
bool copy_search(const struct grid *g, struct copy_state *cs, const char *text, bool up,
                 bool regex);
/* Repeat the last search, in its direction or the reverse one. False if no match
 * or no search yet. */
bool copy_search_again(const struct grid *g, struct copy_state *cs, bool reverse);
/* Hide the matches shown. */
void copy_search_hide(struct copy_state *cs);
/* The view moved: the matches shown become the last search's (found or not), as tmux
 * finds them again then; kept when that one does not compile. */
void copy_search_refresh(struct copy_state *cs);
/* The matches shown over the view (grid_rows x grid_cols cells from cs->top): 0 for a
 * cell in none, else a number for each match. NULL when none are shown. Caller frees. */
unsigned *copy_search_view_marks(const struct grid *g, const struct copy_state *cs);
/* Of those, the current match (0: none): the one under the cursor or, emacs keys after a
 * search down, the one just before it. */
unsigned copy_search_current(const struct grid *g, const struct copy_state *cs,
                             const unsigned *marks);
/* Move (x, y) past the shown match it is on (nowhere when on none), as vi keys search
 * on from there. */
void copy_search_after_match(const struct grid *g, const struct copy_state *cs, int *x,
                             int64_t *y);
/* #{search_match}: the text of the shown match under the cursor or just before it
 * ("" if none). Caller frees. */
char *copy_search_match(const struct grid *g, const struct copy_state *cs);

/* copy_mode_jump.c: jump of type to the character ch (UTF-8, its first character) and
 * remember it; again (reverse: the opposite way) the last jump. False if there was no
 * such character (nothing moved). */
bool copy_jump(const struct grid *g, struct copy_state *cs, int type, const char *ch);
bool copy_jump_again(const struct grid *g, struct copy_state *cs, bool reverse);
/* To the blank line after (before) the paragraph, as vi's } and {. */
void copy_next_paragraph(const struct grid *g, struct copy_state *cs);
void copy_previous_paragraph(const struct grid *g, struct copy_state *cs);
/* To the bracket matching the one under the cursor, or after (before) it on its line. */
void copy_next_matching_bracket(const struct grid *g, struct copy_state *cs);
void copy_previous_matching_bracket(const struct grid *g, struct copy_state *cs);
/* Where previous-word (from a blank; from a word, that word's start) and next-word-end
 * take the cursor from (*x, *y), the cursor left alone: select-word's ends. */
void copy_word_start_pos(const struct grid *g, const struct copy_state *cs, int64_t *y, int *x);
void copy_word_end_pos(const struct grid *g, const struct copy_state *cs, int64_t *y, int *x);
/* Select the word under the cursor (or the one before it), as tmux. */
void copy_select_word(const struct grid *g, struct copy_state *cs);
/* The word under the cursor, as #{copy_cursor_word} gives it (UTF-8); none on a wide
 * character's right half. tmux 3.3a reads it from the screen it shows: 'overlay' (NULL:
 * none) is the text over the right end of the view's top row (the position indicator).
 * Caller frees. */
char *copy_cursor_word(const struct grid *g, const struct copy_state *cs, const char *overlay);
/* set-mark; jump-to-mark swaps the cursor and the mark. */
void copy_set_mark(const struct grid *g, struct copy_state *cs);
void copy_jump_to_mark(const struct grid *g, struct copy_state *cs);
/* Selection from the cursor to the end of its line (copy-end-of-line), or its whole
 * line (copy-line). */
void copy_select_to_end_of_line(const struct grid *g, struct copy_state *cs);
void copy_select_whole_line(const struct grid *g, struct copy_state *cs);

/* Selection. After each motion the end the cursor drags is put where the cursor is
 * (whole words or lines for select-word and select-line); no_reset keeps it at the
 * cursor itself. */
void copy_selection_follow(const struct grid *g, struct copy_state *cs, bool no_reset);
/* The end the cursor drags put where the cursor is, nothing snapped (copy_selection_follow
 * with no_reset): the motions' own use, below the selection's code. */
void copy_drag_to_cursor(struct copy_state *cs);
/* After a word, line-end or jump motion that moved the view from old_top, as tmux: it
 * scrolls a line at a time as scroll-up and scroll-down do, from the cursor's old place
 * (old_x, old_y), each step remembering the column vertical motions aim for (but in a
 * rectangle, where they remember none) and, leaving select-line's first line up (its last
 * down), swapping the ends as cursor-up (cursor-down) does. Call it before the dragged
 * end follows the cursor. */
void copy_remember_scrolled(const struct grid *g, struct copy_state *cs, int old_x, int64_t old_y,
                            int64_t old_top);
/* A motion as a command makes it: fn, then the dragged end follows the cursor. */
void copy_move(const struct grid *g, struct copy_state *cs, copy_motion_fn fn);
void copy_begin_selection(const struct grid *g, struct copy_state *cs);
void copy_select_line(const struct grid *g, struct copy_state *cs);
/* select-line -N n: n lines from the cursor's down, as tmux. */
void copy_select_lines(const struct grid *g, struct copy_state *cs, long n);
/* Shell integration (OSC 133 marks, cell.h): the cursor to the start of the next or
 * previous line marked 'mark' (GRID_MARK_PROMPT: previous-prompt / next-prompt;
 * GRID_MARK_OUTPUT: their -o), that line at the view's top; false if there is none. */
bool copy_jump_mark(const struct grid *g, struct copy_state *cs, uint8_t mark, bool forward);
/* Select, as whole lines, the output of the last command that finished (the one
 * before the newest prompt; an empty output, marked on a prompt's line, is skipped
 * for the one before): from its output mark to the line before the next prompt;
 * false if there is none. */
bool copy_select_last_output(const struct grid *g, struct copy_state *cs);
void copy_rectangle_toggle(const struct grid *g, struct copy_state *cs);
void copy_other_end(const struct grid *g, struct copy_state *cs);
void copy_clear_selection(const struct grid *g, struct copy_state *cs);
/* stop-selection: the selection stays where it is while the cursor moves on. */
void copy_stop_selection(const struct grid *g, struct copy_state *cs);
/* Whether cell (x, line n) is inside the selection (drawing). */
bool copy_selected(const struct copy_state *cs, int64_t n, int x);
/* The selected text, UTF-8: wide characters whole, trailing blanks of each line
 * trimmed, lines continued by autowrap joined without a newline (a rectangle keeps
 * its lines apart). NULL when nothing is selected. Caller frees. */
char *copy_selection_text(const struct grid *g, const struct copy_state *cs, size_t *len);

#endif
