/* copy_mode_prompt.c - copy mode over the marks a shell puts on lines (OSC 133, kept
 * by the vt in grid_line.mark): to the previous / next prompt or command output, and
 * the last finished command's output selected. */
#include "copy_mode_core.h"

/* The cursor to the start of line y, the view scrolled to show it at its top (as far
 * as the history goes), as terminals do for prompt jumps. */
static void place_at_top(const struct grid *g, struct copy_state *cs, int64_t y)
{
    cs->cy = y;
    cs->cx = 0;
    int64_t top = y, lo = copy_first_line(g), hi = copy_screen_top(g);
    cs->top = top < lo ? lo : (top > hi ? hi : top);
}

/* The nearest line after (forward) or before line 'from' carrying 'mark', or -1. */
static int64_t find_mark(const struct grid *g, int64_t from, uint8_t mark, bool forward)
{
    struct grid_line l = {0};
    int64_t first = copy_first_line(g), last = copy_last_line(g), found = -1;
    for (int64_t y = forward ? from + 1 : from - 1; y >= first && y <= last;
         y += forward ? 1 : -1) {
        if (copy_line_fetch(g, y, &l) && (l.mark & mark)) {
            found = y;
            break;
        }
    }
    copy_line_free(&l);
    return found;
}

bool copy_jump_mark(const struct grid *g, struct copy_state *cs, uint8_t mark, bool forward)
{
    int64_t y = find_mark(g, cs->cy, mark, forward);
    if (y < 0)
        return false;
    place_at_top(g, cs, y);
    return true;
}

bool copy_select_last_output(const struct grid *g, struct copy_state *cs)
{
    /* The newest prompt is the one waiting; the output before it is the last
     * command's (an output mark on a prompt's own line is an empty output: skipped,
     * the search starts above that line). */
    int64_t prompt = find_mark(g, copy_last_line(g) + 1, GRID_MARK_PROMPT, false);
    int64_t out = prompt >= 0 ? find_mark(g, prompt, GRID_MARK_OUTPUT, false) : -1;
    if (out < 0)
        return false;
    int64_t end = find_mark(g, out, GRID_MARK_PROMPT, true); /* at most 'prompt' */
    /* A command-finished mark (OSC 133 ; D) below the output ends it there: what the
     * shell printed between it and the prompt (a blank line, a status) is not output. */
    int64_t done = find_mark(g, out, GRID_MARK_END, true);
    if (done >= 0 && done < end)
        end = done;
    cs->rectangle = false;
    cs->line_flag = COPY_LINES_NONE;
    cs->unit = COPY_UNIT_CHAR;
    cs->selecting = true;
    cs->drag = COPY_DRAG_END;
    cs->sel_y = out;
    cs->sel_x = 0;
    place_at_top(g, cs, out);
    /* Whole lines, the last newline in: vi keys take the cell under the cursor, so it
     * ends on the last line's end; emacs keys stop before it, so on the next line's
     * start (the prompt's, or the finished mark's). */
    cs->cy = cs->vi ? end - 1 : end;
    int rows = grid_rows(g);
    if (cs->cy > cs->top + rows - 1)
        cs->top = cs->cy - rows + 1;
    if (cs->vi)
        copy_end_of_line(g, cs);
    else
        cs->cx = 0;
    copy_selection_follow(g, cs, false);
    return true;
}
