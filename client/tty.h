/* tty.h - the user's terminal as the client holds it: raw mode while attached, and
 * restored exactly as it was found on every exit path. */
#ifndef TMX_TTY_H
#define TMX_TTY_H

#include <stdbool.h>
#include <stddef.h>
#include <termios.h>

struct tty {
    int fd;                 /* the terminal (stdin) */
    bool active;            /* raw mode entered and not yet restored */
    struct termios saved;   /* settings to restore */
    char *term;             /* TERM, for tty_load */
    bool loaded;            /* enter_seq and leave_seq read */
    char *enter_seq;        /* smcup + clear, from terminfo */
    char *leave_seq;        /* sgr0, cnorm, reset scroll region, rmcup */
};

/* Remember the terminal and TERM; terminfo is read later (tty_load). */
void tty_init(struct tty *tty, int fd, const char *term);
/* Load the sequences for TERM (missing capabilities are simply skipped); tty_enter does
 * it if it was not done. */
void tty_load(struct tty *tty);
void tty_free(struct tty *tty);
/* Enter raw mode and the alternate screen. Returns -1 with errno on failure. */
int tty_enter(struct tty *tty);
/* Leave: restore everything tty_enter changed. Safe to call twice. */
void tty_restore(struct tty *tty);
/* The terminal's size; falls back to 80x24. */
void tty_size(int fd, int *cols, int *rows);

/* Write all of buf to fd (EINTR/EAGAIN retried; other errors give up: it is gone). */
void fd_write_all(int fd, const char *buf, size_t len);

/* The signals an attached client handles in its loop (WINCH HUP TERM INT QUIT) blocked
 * and read from the returned signalfd (-1 on failure); SIGPIPE ignored. */
int tty_signals_open(void);

/* Control mode's terminal (-C: lines in, text out; -CC: the same in a DCS, the terminal
 * reading without echo or signals, as tmux sets it). */
struct control_term {
    int level;              /* 0 none, 1 -C, 2 -CC */
    bool tio_set;           /* -CC: the terminal's modes to put back */
    struct termios tio;
};

/* Begin control mode at level (-CC: modes set, the DCS opened). */
void control_term_enter(struct control_term *ct, int level);
/* Its last line: "%exit" and the reason (a client's "[lost server]"-style reasons in
 * words); with wait_exit, the program's empty line is waited for (wait-exit); -CC closes
 * the DCS and puts the terminal back. */
void control_term_leave(struct control_term *ct, const char *reason, bool wait_exit);

#endif
