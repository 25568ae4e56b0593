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
    tty->term = term != NULL ? xstrdup(term) : NULL;
}

/* Read TERM's terminfo entry for the sequences tty_enter and tty_restore write: once,
 * at the first tty_enter (or tty_load), so a client that never takes the terminal (new
 * -d, kill-server, every command from a script) does not read terminfo at all. */
void tty_load(struct tty *tty)
{
    if (tty->loaded)
        return;
    tty->loaded = true;
    int fd = tty->fd;
    const char *term = tty->term;
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
    free(tty->term);
    tty->enter_seq = tty->leave_seq = tty->term = NULL;
    tty->loaded = false;
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
    tty_load(tty);
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

void control_term_enter(struct control_term *ct, int level)
{
    memset(ct, 0, sizeof *ct);
    ct->level = level;
    if (level < 2)
        return;
    if (tcgetattr(STDIN_FILENO, &ct->tio) == 0) {
        struct termios tio = ct->tio;
        tio.c_iflag &= ~(unsigned)(IXON | IXOFF | INLCR | IGNCR | IMAXBEL | ISTRIP);
        tio.c_iflag |= IGNBRK | ICRNL;
        tio.c_oflag |= OPOST | ONLCR;
        tio.c_lflag &= ~(unsigned)(IEXTEN | ICANON | ECHO | ECHOE | ECHONL | ECHOCTL | ECHOPRT |
                                   ECHOKE | ISIG);
        tio.c_cc[VMIN] = 1;
        tio.c_cc[VTIME] = 0;
        if (tcsetattr(STDIN_FILENO, TCSANOW, &tio) == 0)
            ct->tio_set = true;
    }
    fd_write_all(STDOUT_FILENO, "\033P1000p", 7);
}

void control_term_leave(struct control_term *ct, const char *reason, bool wait_exit)
{
    if (ct->level == 0)
        return;
    if (reason != NULL && strncmp(reason, "[lost server]", 13) == 0)
        reason = "server exited unexpectedly";
    else if (reason != NULL && strcmp(reason, "[lost tty]") == 0)
        reason = "lost tty";
    else if (reason != NULL && strcmp(reason, "[terminated]") == 0)
        reason = "terminated";
    char *line = reason != NULL ? xasprintf("%%exit %s\n", reason) : xstrdup("%exit\n");
    fd_write_all(STDOUT_FILENO, line, strlen(line));
    free(line);
    if (wait_exit) {
        /* wait-exit: the program reads %exit, then says it is done with an empty line. */
        char c, prev = '\n';
        ssize_t n;
        while ((n = read(STDIN_FILENO, &c, 1)) == 1 || (n < 0 && errno == EINTR)) {
            if (n == 1 && (c == '\n' || c == '\r') && prev == '\n')
                break;
            if (n == 1)
                prev = c == '\r' ? '\n' : c;
        }
    }
    if (ct->level > 1) {
        fd_write_all(STDOUT_FILENO, "\033\\", 2);
        if (ct->tio_set)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &ct->tio);
    }
    ct->level = 0;
}
