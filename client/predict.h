/* predict.h - predictive local echo for tmx -H (predict.c): printable keys shown at once,
 * underlined, where the server says a program echoes them; confirmed by its frames or
 * withdrawn. */
#ifndef TMX_PREDICT_H
#define TMX_PREDICT_H

#include <stdbool.h>
#include <stddef.h>

#define PREDICT_MAX 64

struct vt;

struct predict {
    struct vt *vt;          /* the terminal as the server's frames left it */
    bool allowed;           /* the server's last MSG_PREDICT, until a control key */
    long long withdraw_ms;  /* unconfirmed this long: withdrawn (a few round trips) */
    struct {
        int x, y;
        char ch;
        long long when;
    } cells[PREDICT_MAX];   /* shown, not yet confirmed */
    int n;
    unsigned long shown, confirmed, withdrawn;
};

void predict_init(struct predict *p, int cols, int rows);
void predict_free(struct predict *p);
void predict_resize(struct predict *p, int cols, int rows);
/* MSG_PREDICT: whether the next printable keys may be shown before the server echoes. */
void predict_allow(struct predict *p, bool allowed);
/* Keys typed (they go to the server as well): the printable ones shown on fd if allowed. */
void predict_keys(struct predict *p, const char *buf, size_t len, int fd);
/* A frame the server sent (already written to fd): confirm or withdraw predictions. */
void predict_output(struct predict *p, const void *buf, size_t len, int fd);
/* Withdraw what waited too long even when no frame comes. */
void predict_tick(struct predict *p, int fd);
bool predict_pending(const struct predict *p);
/* The link went: every prediction drawn again as the frames left it. */
void predict_withdraw_all(struct predict *p, int fd);

#endif
