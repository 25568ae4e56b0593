/* popup.h - display-popup's popup: a program in a terminal of its own, drawn in a box
 * over whatever the client shows (an overlay above the status line), taking the
 * client's keys. Escape or C-c closes it when it was opened without -E or its program
 * has exited; with -E it closes when the program exits (-EE: only on success). */
#ifndef TMX_POPUP_H
#define TMX_POPUP_H

#include <stdbool.h>
#include <stdint.h>

#include "grid.h"

struct client;
struct job_pty_spawn;

/* When the popup closes by itself. */
enum popup_close {
    POPUP_CLOSE_NEVER,     /* stays after its program exits (Escape closes) */
    POPUP_CLOSE_EXIT,      /* -E: when the program exits */
    POPUP_CLOSE_EXIT_ZERO, /* -EE: when it exits with status 0 */
};

/* What display-popup asks for. */
struct popup_spec {
    int x, y, cols, rows;      /* the box, borders included */
    bool border;               /* false: -B, or border lines "none" */
    const char *lines;         /* popup-border-lines: single, rounded, double, heavy,
                                * simple, padded */
    const char *title;         /* may be NULL */
    struct grid_pen style, border_style;
    enum popup_close close;
    uint32_t waiting_client;   /* released (exit 0) when the popup closes, or 0 */
    /* Called once when the popup closes, with its program's exit status (-1 if it was
     * closed before its program exited; 128 + N if a signal N killed it); may be NULL. */
    void (*closed)(int status, void *arg);
    void *closed_arg;
};

/* Open a popup on c running spawn (its size is set from spec); false with err set if
 * the program cannot be started. */
bool popup_open(struct client *c, const struct popup_spec *spec, struct job_pty_spawn *spawn,
                char *err, size_t errsize);
/* Close c's popup, if it has one (display-popup -C). */
void popup_close(struct client *c);
/* A popup program's environment: client c's, less what describes the outer terminal,
 * with TERM (default-terminal) and TMX/TMUX naming session sess (may be NULL), then
 * extra (NAME=VALUE, nextra of them). NULL-terminated; popup_environment_free frees it. */
struct session;
char **popup_environment(struct client *c, struct session *sess, const char *const *extra,
                         int nextra);
void popup_environment_free(char **env);

#endif
