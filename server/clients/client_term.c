/* client_term.c - a client's terminal: caps, features, its DA2 and XTVERSION answers
 * (see client_term.h). */
#include "client_term.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>

#include "client_state.h"
#include "compose.h"
#include "log.h"
#include "options.h"
#include "proto.h"
#include "redraw.h"
#include "render.h"
#include "server_state.h"
#include "term_reply.h"
#include "xmalloc.h"

/* The features tmux 3.3a gives the terminals it knows (tmux's names; tmx reads RGB,
 * sync and extkeys of them). */
#define MODERN_XTERM "256:RGB:bpaste:clipboard:mouse:strikethrough:title"
#define FEATURES_MINTTY MODERN_XTERM ":ccolour:cstyle:extkeys:margins:overline:usstyle"
#define FEATURES_TMUX MODERN_XTERM ":ccolour:cstyle:focus:overline:usstyle"

/* The terminals it knows by their XTVERSION answer (its name's beginning). */
static const struct {
    const char *prefix;
    const char *features;
} known_terms[] = {
    {"iTerm2 ", MODERN_XTERM ":cstyle:extkeys:margins:usstyle:sync"},
    {"tmux ", FEATURES_TMUX},
    {"XTerm(", MODERN_XTERM ":ccolour:cstyle:extkeys:focus"},
    {"mintty ", FEATURES_MINTTY},
};

/* The terminals it knows by their DA2 answer's first parameter. */
static const struct {
    int kind;
    const char *features;
} known_da2[] = {
    {41, "margins:rectfill"}, /* a VT420 (xterm says so) */
    {'M', FEATURES_MINTTY},
    {'T', FEATURES_TMUX},     /* tmux, and tmx, which answers as tmux */
    {'U', "256:bpaste:ccolour:cstyle:mouse:title:ignorefkeys"}, /* rxvt-unicode */
};

/* Whether the ':'-separated list has feature (case-insensitive, as tmux). */
static bool list_has(const char *list, const char *feature)
{
    size_t n = strlen(feature);
    for (const char *p = list; *p != '\0';) {
        const char *e = strchr(p, ':');
        size_t len = e != NULL ? (size_t)(e - p) : strlen(p);
        if (len == n && strncasecmp(p, feature, n) == 0)
            return true;
        p += len + (e != NULL);
    }
    return false;
}

/* The features its XTVERSION answer implies, or NULL. */
static const char *answered_features(const struct client *c)
{
    for (size_t i = 0; c->term_type != NULL && i < sizeof known_terms / sizeof known_terms[0]; i++) {
        if (strncmp(c->term_type, known_terms[i].prefix, strlen(known_terms[i].prefix)) == 0)
            return known_terms[i].features;
    }
    return NULL;
}

/* The features its DA2 answer implies, or NULL. */
static const char *da2_features(const struct client *c)
{
    for (size_t i = 0; c->term_da2_answered && i < sizeof known_da2 / sizeof known_da2[0]; i++) {
        if (c->term_da2_kind == known_da2[i].kind)
            return known_da2[i].features;
    }
    return NULL;
}

/* terminal-features: entries are "pattern:feature:feature...", an item may hold
 * several separated by commas. */
static bool option_has_feature(struct server *srv, const char *term, const char *feature)
{
    const char *v;
    bool found = false;
    for (long i = options_array_next(srv->options, "terminal-features", -1, &v);
         i >= 0 && !found; i = options_array_next(srv->options, "terminal-features", i, &v)) {
        char *copy = xstrdup(v), *save = NULL;
        for (char *entry = strtok_r(copy, ", ", &save); entry != NULL && !found;
             entry = strtok_r(NULL, ", ", &save)) {
            char *colon = strchr(entry, ':');
            if (colon == NULL || colon == entry)
                continue;
            *colon = '\0';
            found = fnmatch(entry, term, 0) == 0 && list_has(colon + 1, feature);
        }
        free(copy);
    }
    return found;
}

bool client_term_has_feature(struct client *c, const char *feature)
{
    const char *answered = answered_features(c), *da2 = da2_features(c);
    return (answered != NULL && list_has(answered, feature)) ||
           (da2 != NULL && list_has(da2, feature)) ||
           (c->term != NULL && option_has_feature(c->server, c->term, feature));
}

int client_term_setup(struct client *c, char *err, size_t errsize)
{
    bool rgb = (c->flags & IDENT_TRUECOLOR) != 0 || client_term_has_feature(c, "RGB");
    const struct render_caps *caps = render_caps_get(c->term, rgb, err, errsize);
    if (caps == NULL)
        return -1;
    /* terminal-overrides: a copy of the entry with the matching ones applied. */
    const char *items[64];
    size_t nitems = 0;
    const char *v;
    for (long i = options_array_next(c->server->options, "terminal-overrides", -1, &v);
         i >= 0 && nitems < sizeof items / sizeof items[0];
         i = options_array_next(c->server->options, "terminal-overrides", i, &v))
        items[nitems++] = v;
    struct render_caps *owned = NULL;
    if (nitems > 0) {
        owned = render_caps_override(caps, items, nitems);
        caps = owned;
    }
    if (c->render != NULL) {
        render_free(c->render);
        compose_forget(c); /* its canvas was numbered for the old renderer's links */
    }
    render_caps_free(c->caps_owned);
    c->caps_owned = owned;
    c->caps = caps;
    c->render = render_create(caps, (c->flags & IDENT_UTF8) != 0);
    if (client_term_has_feature(c, "sync"))
        render_set_sync(c->render, true);
    if (client_term_has_feature(c, "hyperlinks"))
        render_set_hyperlinks(c->render, true);
    c->term_extkeys = client_term_has_feature(c, "extkeys");
    return 0;
}

void client_term_ask(struct client *c, struct evbuffer *out)
{
    if (c->term_type_pending || c->term_type != NULL || c->term_da2_pending ||
        c->term_da2_answered || c->caps == NULL)
        return;
    /* VT100-like, as tmux judges it: terminfo's XT, or a clear that is a CSI. */
    const char *clear = render_caps_string(c->caps, RENDER_CAP_CLEAR);
    if (!render_caps_flag(c->caps, RENDER_FLAG_XT) &&
        (clear == NULL || strncmp(clear, "\033[", 2) != 0))
        return;
    /* DA2, then XTVERSION: tmux 3.3a's questions, in its order. */
    c->term_da2_pending = c->term_type_pending = true;
    evbuffer_add(out, "\033[>c\033[>q", 8);
}

/* The features tmx reads, as bits: what an answer must change for the client to be
 * set up and drawn again. */
static unsigned read_features(struct client *c)
{
    static const char *const read[] = {"RGB", "sync", "hyperlinks", "extkeys"};
    unsigned bits = 0;
    for (size_t i = 0; i < sizeof read / sizeof read[0]; i++)
        bits |= client_term_has_feature(c, read[i]) ? 1u << i : 0;
    return bits;
}

/* An answer added features tmx reads (before: read_features before it): the caps and
 * renderer are made again, the keys it now has asked for, and the client redrawn. */
static void features_came(struct client *c, unsigned before)
{
    if (c->render == NULL || read_features(c) == before)
        return;
    bool extkeys = c->term_extkeys;
    char err[256];
    if (client_term_setup(c, err, sizeof err) != 0)
        return;
    /* extended-keys on or always: a terminal that has extkeys now is asked for them. */
    if (c->term_extkeys && !extkeys && c->tty_bev != NULL && c->tty_ready &&
        options_get_number(c->server->options, "extended-keys") != 0)
        evbuffer_add(bufferevent_get_output(c->tty_bev), "\033[>4;1m", 7);
    client_redraw(c, REDRAW_FULL);
}

/* A DA2 answer at buf, as client_term_reply for XTVERSION's. A primary DA answer (some
 * terminals answer DA2 with it) is taken and means nothing, as in tmux. */
static long da2_reply(struct client *c, const char *buf, size_t len, bool timed_out)
{
    int kind = -1;
    long n = term_reply_da2(buf, len, &kind);
    if (n < 0 || (n == 0 && (timed_out || len < 3)))
        return -1; /* keys; "ESC [" alone is left to the key parser, which waits too */
    if (n == 0 || !c->term_da2_pending)
        return n; /* wait for the rest; or an answer nobody awaits: no key either */
    unsigned before = read_features(c);
    c->term_da2_pending = false;
    c->term_da2_answered = true;
    c->term_da2_kind = kind;
    log_debug("client %d: the terminal's DA2 kind is %d", c->fd, kind);
    features_came(c, before);
    return n;
}

long client_term_reply(struct client *c, const char *buf, size_t len, bool timed_out)
{
    if (len >= 2 && buf[1] == '[')
        return da2_reply(c, buf, len, timed_out);
    char name[TERM_REPLY_NAME_MAX + 1];
    long n = term_reply_xtversion(buf, len, name);
    if (!c->term_type_pending) {
        /* An answer nobody awaits is no key either: server-upgrade can leave the answer to
         * the old server unread in the terminal, the new server asks again and takes that
         * one, and the terminal's second answer comes unasked. Taken whole, or waited for
         * once "ESC P > |" came: ESC P alone is still M-P at once. */
        if (n > 0 || (n == 0 && len >= 4 && !timed_out))
            return n;
        return -1;
    }
    if (n == 0 && timed_out)
        return -1; /* cut short: what came is keys (M-P...) */
    if (n <= 0)
        return n;
    unsigned before = read_features(c);
    c->term_type_pending = false;
    c->term_type = xstrdup(name);
    log_debug("client %d: the terminal is %s", c->fd, name);
    features_came(c, before);
    return n;
}
