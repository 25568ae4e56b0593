/* clock_mode.h - clock-mode (C-b t): the pane shows the time in big digits, centred,
 * in clock-mode-colour, 24-hour or 12-hour by clock-mode-style, as tmux draws it; it
 * follows the minute; any key or mouse event leaves. A pane mode (pane_mode.h):
 * #{pane_mode} is clock-mode. */
#ifndef TMX_CLOCK_MODE_H
#define TMX_CLOCK_MODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct canvas;
struct pane;

/* Put pane p in clock mode (nothing if it is; back on top if another mode is over it). */
void clock_mode_enter(struct pane *p);

/* The time the clock shows: "13:05" (24-hour), " 1:05 PM" (12-hour, as tmux). */
void clock_mode_text(const struct tm *tm, bool twelve_hour, char *buf, size_t size);
/* Draw text (digits, ':', ' ', A, P, M) centred in the width x height cells of cv at
 * (x0, y0), which are cleared first: each character 5x5 blocks of cells with colour as
 * background, 6 columns apart, when that fits (6 columns a character, 6 rows), else the
 * text itself in colour (nothing when even that is too wide). */
void clock_mode_draw_text(struct canvas *cv, int x0, int y0, int width, int height,
                          const char *text, uint32_t colour);
/* Paint text's big characters (5x5 blocks of cells with colour as background, 6 columns
 * apart) from (x, y), over what is there: only the blocks are painted. */
void clock_mode_paint_big(struct canvas *cv, int x, int y, const char *text, uint32_t colour);

#endif
