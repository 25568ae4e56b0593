/* tty.c - raw mode and terminal restore for the client (see tty.h). */
#include "tty.h"

/* Before term.h, whose capability macros (cursor_visible...) clash with field names. */
#include "render.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <term.h>
#include <unistd.h>

#include "xmalloc.h"

/* Append terminfo capability 'name' (if the terminal has it) to *seq. */
static void add_cap(char **seq, const char *name)
{
    char *s = tigetstr(name);
    if (s == NULL || s == (char *)-1)
        return;
    char *joined = xasprintf("%s%s", *seq, s);
    free(*seq);
    *seq = joined;
}

void tty_init(struct tty *tty, int fd, const char *term)
{
    memset(tty, 0, sizeof *tty);
    tty->fd = fd;
    tty->enter_seq = xstrdup("");
    tty->leave_seq = xstrdup("");
    int err;
    TERMINAL *saved = cur_term;
    if (term == NULL || setupterm(term, fd, &err) != OK) {
        /* Unknown terminal: fall back to the ANSI sequences nearly every terminal has. */
        free(tty->enter_seq);
        free(tty->leave_seq);
        tty->enter_seq = xstrdup("\033[?1049h\033[H\033[2J");
        tty->leave_seq = xstrdup("\033[m\033[?25h\033[r" RENDER_MODES_OFF "\033[?1049l");
        return;
    }
    add_cap(&tty->enter_seq, "smcup");
    add_cap(&tty->enter_seq, "clear");
    add_cap(&tty->leave_seq, "sgr0");
    add_cap(&tty->leave_seq, "cnorm");
    add_cap(&tty->leave_seq, "Cr"); /* the server may have set the cursor colour */
    /* The server may have turned on mouse reporting, bracketed paste, focus events or
     * synchronized output for a pane: turn them off on every exit path. Only for
     * xterm-like terminals (those that report the mouse), like the server. */
    char *kmous = tigetstr("kmous");
    if (kmous != NULL && kmous != (char *)-1) {
        char *joined = xasprintf("%s%s", tty->leave_seq, RENDER_MODES_OFF);
        free(tty->leave_seq);
        tty->leave_seq = joined;
    }
    char *csr = tigetstr("csr");
    if (csr != NULL && csr != (char *)-1) {
        int cols, rows;
        tty_size(fd, &cols, &rows);
        char *reset = tiparm(csr, 0, rows - 1);
        if (reset != NULL) {
            char *joined = xasprintf("%s%s", tty->leave_seq, reset);
            free(tty->leave_seq);
            tty->leave_seq = joined;
        }
    }
    add_cap(&tty->leave_seq, "rmcup");
    TERMINAL *mine = cur_term;
    set_curterm(saved);
    del_curterm(mine);
}

void tty_free(struct tty *tty)
{
    free(tty->enter_seq);
    free(tty->leave_seq);
    tty->enter_seq = tty->leave_seq = NULL;
}

/* Write all of buf, retrying on EINTR/EAGAIN; gives up on other errors (the terminal
 * or the peer is gone, nothing more can be done). */
void fd_write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return;
        }
        buf += n;
        len -= (size_t)n;
    }
}

int tty_enter(struct tty *tty)
{
    if (tcgetattr(tty->fd, &tty->saved) != 0)
        return -1;
    struct termios raw = tty->saved;
    cfmakeraw(&raw);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(tty->fd, TCSANOW, &raw) != 0)
        return -1;
    tty->active = true;
    fd_write_all(STDOUT_FILENO, tty->enter_seq, strlen(tty->enter_seq));
    return 0;
}

void tty_restore(struct tty *tty)
{
    if (!tty->active)
        return;
    tty->active = false;
    fd_write_all(STDOUT_FILENO, tty->leave_seq, strlen(tty->leave_seq));
    tcsetattr(tty->fd, TCSADRAIN, &tty->saved);
}

void tty_size(int fd, int *cols, int *rows)
{
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
        *cols = ws.ws_col;
        *rows = ws.ws_row;
    } else {
        *cols = 80;
        *rows = 24;
    }
}

int tty_signals_open(void)
{
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGWINCH);
    sigaddset(&mask, SIGHUP);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGQUIT);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    signal(SIGPIPE, SIG_IGN);
    return signalfd(-1, &mask, SFD_CLOEXEC);
}
