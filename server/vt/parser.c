/* parser.c - escape-sequence parser after the DEC/Paul Williams state machine: each
 * state is a table of byte ranges -> (action, next state). Printable ASCII runs in
 * the ground state skip the tables, and so does a whole CSI of digits and ';' (csi_fast);
 * UTF-8 is decoded in ground: a whole well-formed character at once (utf8_whole), else
 * incrementally, byte by byte. */
#include "parser.h"
#include "xmalloc.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum parser_action {
    ACT_IGNORE,
    ACT_PRINT,
    ACT_EXECUTE,
    ACT_COLLECT,     /* intermediate byte */
    ACT_PREFIX,      /* private marker < = > ? */
    ACT_PARAM,       /* digit, ';' or ':' */
    ACT_ESC_DISPATCH,
    ACT_CSI_DISPATCH,
    ACT_OSC_PUT,
    ACT_OSC_END,     /* dispatch the OSC (terminated by BEL or ESC) */
    ACT_DCS_HOOK,    /* final byte of a DCS: its data follows */
    ACT_DCS_PUT,
    ACT_DCS_END,     /* dispatch the DCS (terminated by ESC \) */
    ACT_DCS_END_AGAIN, /* dispatch the DCS (ended by ESC and this byte, which is then
                          taken as the byte after that ESC) */
    ACT_NAME_END,    /* dispatch the ESC k window name (terminated by BEL or ESC) */
    ACT_DCS_ABORT,   /* CAN / SUB inside a DCS: dropped, its buffer given back */
    ACT_UTF8,        /* byte >= 0x80 in ground */
};

#define STAY PARSER_NSTATES /* "next state": no transition, no entry action */

struct transition {
    uint8_t lo, hi;
    uint8_t action;
    uint8_t next;
};

/* Transitions that apply in every state: CAN and SUB abort, ESC starts over. */
#define ANYWHERE                                          \
    { 0x18, 0x18, ACT_IGNORE, PARSER_GROUND },            \
    { 0x1a, 0x1a, ACT_IGNORE, PARSER_GROUND },            \
    { 0x1b, 0x1b, ACT_IGNORE, PARSER_ESCAPE }

/* C0 controls other than CAN, SUB, ESC. */
#define C0(act)                                           \
    { 0x00, 0x17, act, STAY },                            \
    { 0x19, 0x19, act, STAY },                            \
    { 0x1c, 0x1f, act, STAY }

#define END { 0, 0, 0, 0 }

static const struct transition st_ground[] = {
    ANYWHERE, C0(ACT_EXECUTE),
    { 0x20, 0x7e, ACT_PRINT, STAY },
    { 0x80, 0xff, ACT_UTF8, STAY },
    END
};

static const struct transition st_escape[] = {
    ANYWHERE, C0(ACT_EXECUTE),
    { 0x20, 0x2f, ACT_COLLECT, PARSER_ESCAPE_INTERMEDIATE },
    { 0x50, 0x50, ACT_IGNORE, PARSER_DCS_ENTRY },
    { 0x58, 0x58, ACT_IGNORE, PARSER_SOS_PM_APC_STRING },
    { 0x5b, 0x5b, ACT_IGNORE, PARSER_CSI_ENTRY },
    { 0x5d, 0x5d, ACT_IGNORE, PARSER_OSC_STRING },
    { 0x5e, 0x5f, ACT_IGNORE, PARSER_SOS_PM_APC_STRING },
    { 0x6b, 0x6b, ACT_IGNORE, PARSER_WINDOW_NAME_STRING },
    { 0x30, 0x7e, ACT_ESC_DISPATCH, PARSER_GROUND },
    END
};

static const struct transition st_escape_intermediate[] = {
    ANYWHERE, C0(ACT_EXECUTE),
    { 0x20, 0x2f, ACT_COLLECT, STAY },
    { 0x30, 0x7e, ACT_ESC_DISPATCH, PARSER_GROUND },
    END
};

static const struct transition st_csi_entry[] = {
    ANYWHERE, C0(ACT_EXECUTE),
    { 0x20, 0x2f, ACT_COLLECT, PARSER_CSI_INTERMEDIATE },
    { 0x30, 0x3b, ACT_PARAM, PARSER_CSI_PARAM },
    { 0x3c, 0x3f, ACT_PREFIX, PARSER_CSI_PARAM },
    { 0x40, 0x7e, ACT_CSI_DISPATCH, PARSER_GROUND },
    END
};

static const struct transition st_csi_param[] = {
    ANYWHERE, C0(ACT_EXECUTE),
    { 0x20, 0x2f, ACT_COLLECT, PARSER_CSI_INTERMEDIATE },
    { 0x30, 0x3b, ACT_PARAM, STAY },
    { 0x3c, 0x3f, ACT_IGNORE, PARSER_CSI_IGNORE },
    { 0x40, 0x7e, ACT_CSI_DISPATCH, PARSER_GROUND },
    END
};

static const struct transition st_csi_intermediate[] = {
    ANYWHERE, C0(ACT_EXECUTE),
    { 0x20, 0x2f, ACT_COLLECT, STAY },
    { 0x30, 0x3f, ACT_IGNORE, PARSER_CSI_IGNORE },
    { 0x40, 0x7e, ACT_CSI_DISPATCH, PARSER_GROUND },
    END
};

static const struct transition st_csi_ignore[] = {
    ANYWHERE, C0(ACT_EXECUTE),
    { 0x40, 0x7e, ACT_IGNORE, PARSER_GROUND },
    END
};

static const struct transition st_osc_string[] = {
    { 0x07, 0x07, ACT_OSC_END, PARSER_GROUND },
    { 0x1b, 0x1b, ACT_OSC_END, PARSER_ESCAPE },
    ANYWHERE,
    { 0x20, 0x7e, ACT_OSC_PUT, STAY },
    { 0x80, 0xff, ACT_OSC_PUT, STAY },
    END
};

/* DCS: parameters and intermediates as for CSI, then the data up to ST. */
static const struct transition st_dcs_entry[] = {
    ANYWHERE,
    { 0x20, 0x2f, ACT_COLLECT, PARSER_DCS_INTERMEDIATE },
    { 0x3a, 0x3a, ACT_IGNORE, PARSER_DCS_IGNORE },
    { 0x30, 0x3b, ACT_PARAM, PARSER_DCS_PARAM },
    { 0x3c, 0x3f, ACT_PREFIX, PARSER_DCS_PARAM },
    { 0x40, 0x7e, ACT_DCS_HOOK, PARSER_DCS_PASSTHROUGH },
    END
};

static const struct transition st_dcs_param[] = {
    ANYWHERE,
    { 0x20, 0x2f, ACT_COLLECT, PARSER_DCS_INTERMEDIATE },
    { 0x3a, 0x3a, ACT_IGNORE, PARSER_DCS_IGNORE },
    { 0x30, 0x3b, ACT_PARAM, STAY },
    { 0x3c, 0x3f, ACT_IGNORE, PARSER_DCS_IGNORE },
    { 0x40, 0x7e, ACT_DCS_HOOK, PARSER_DCS_PASSTHROUGH },
    END
};

static const struct transition st_dcs_intermediate[] = {
    ANYWHERE,
    { 0x20, 0x2f, ACT_COLLECT, STAY },
    { 0x30, 0x3f, ACT_IGNORE, PARSER_DCS_IGNORE },
    { 0x40, 0x7e, ACT_DCS_HOOK, PARSER_DCS_PASSTHROUGH },
    END
};

static const struct transition st_dcs_passthrough[] = {
    { 0x1b, 0x1b, ACT_IGNORE, PARSER_DCS_ESCAPE },
    { 0x18, 0x18, ACT_DCS_ABORT, PARSER_GROUND },
    { 0x1a, 0x1a, ACT_DCS_ABORT, PARSER_GROUND },
    { 0x00, 0x17, ACT_DCS_PUT, STAY },
    { 0x19, 0x19, ACT_DCS_PUT, STAY },
    { 0x1c, 0x7e, ACT_DCS_PUT, STAY },
    { 0x80, 0xff, ACT_DCS_PUT, STAY },
    END
};

/* ESC inside a DCS: ESC \ (ST) ends it; ESC ESC is one ESC of its data (tmux's
 * passthrough doubles the ESCs of what it carries); CAN / SUB abort; any other byte
 * ends it as if ESC alone had, and starts an escape sequence. */
static const struct transition st_dcs_escape[] = {
    { 0x1b, 0x1b, ACT_DCS_PUT, PARSER_DCS_PASSTHROUGH },
    { 0x5c, 0x5c, ACT_DCS_END, PARSER_GROUND },
    { 0x18, 0x18, ACT_DCS_ABORT, PARSER_GROUND },
    { 0x1a, 0x1a, ACT_DCS_ABORT, PARSER_GROUND },
    { 0x00, 0xff, ACT_DCS_END_AGAIN, PARSER_ESCAPE },
    END
};

/* ESC k name ST: screen's window name (tmux "allow-rename"). Collected like an OSC
 * string: ended by BEL or ESC (ST), aborted by CAN / SUB; other C0 not kept. */
static const struct transition st_window_name_string[] = {
    { 0x07, 0x07, ACT_NAME_END, PARSER_GROUND },
    { 0x1b, 0x1b, ACT_NAME_END, PARSER_ESCAPE },
    ANYWHERE,
    { 0x20, 0x7e, ACT_OSC_PUT, STAY },
    { 0x80, 0xff, ACT_OSC_PUT, STAY },
    END
};

static const struct transition st_string_ignore[] = {
    ANYWHERE,
    END
};

static const struct transition *const parser_tables[PARSER_NSTATES] = {
    [PARSER_GROUND] = st_ground,
    [PARSER_ESCAPE] = st_escape,
    [PARSER_ESCAPE_INTERMEDIATE] = st_escape_intermediate,
    [PARSER_CSI_ENTRY] = st_csi_entry,
    [PARSER_CSI_PARAM] = st_csi_param,
    [PARSER_CSI_INTERMEDIATE] = st_csi_intermediate,
    [PARSER_CSI_IGNORE] = st_csi_ignore,
    [PARSER_OSC_STRING] = st_osc_string,
    [PARSER_DCS_ENTRY] = st_dcs_entry,
    [PARSER_DCS_PARAM] = st_dcs_param,
    [PARSER_DCS_INTERMEDIATE] = st_dcs_intermediate,
    [PARSER_DCS_PASSTHROUGH] = st_dcs_passthrough,
    [PARSER_DCS_ESCAPE] = st_dcs_escape,
    [PARSER_DCS_IGNORE] = st_string_ignore,
    [PARSER_SOS_PM_APC_STRING] = st_string_ignore,
    [PARSER_WINDOW_NAME_STRING] = st_window_name_string,
};

/* The tables above flattened to one entry per state and byte, built on first use:
 * the lookup is then a single load. */
static struct transition flat[PARSER_NSTATES][256];
static bool flat_ready;

/* Each state's ranges are written last to first, so that where two overlap the first
 * one listed wins (as a search of the table would find it): one pass over the ranges
 * instead of a search per byte (a new server builds this for its first pane). */
static void build_flat(void)
{
    for (int st = 0; st < PARSER_NSTATES; st++) {
        struct transition none = { 0, 0, ACT_IGNORE, STAY };
        for (int c = 0; c < 256; c++)
            flat[st][c] = none;
        const struct transition *t = parser_tables[st];
        size_t n = 0;
        while (t[n].hi != 0)
            n++;
        while (n-- > 0) {
            for (int c = t[n].lo; c <= t[n].hi; c++)
                flat[st][c] = t[n];
        }
    }
    flat_ready = true;
}

void parser_init(struct parser *p)
{
    if (!flat_ready)
        build_flat();
    memset(p, 0, sizeof *p);
    p->state = PARSER_GROUND;
}

void parser_free(struct parser *p)
{
    free(p->osc);
    p->osc = NULL;
    p->osc_size = p->osc_len = 0;
}

/* One byte of an OSC, DCS or ESC k string. The buffer grows with the strings a pane
 * actually sends (most never send one): a pane does not carry PARSER_OSC_MAX bytes. */
static void osc_put(struct parser *p, uint8_t c)
{
    if (p->osc_len >= PARSER_OSC_MAX)
        return; /* the rest is dropped */
    if (p->osc_len == p->osc_size) {
        size_t size = p->osc_size > 0 ? p->osc_size * 2 : 64;
        p->osc_size = size < PARSER_OSC_MAX ? size : PARSER_OSC_MAX;
        p->osc = xrealloc(p->osc, p->osc_size);
    }
    p->osc[p->osc_len++] = c;
}

/* One byte of a DCS's data: as osc_put, but tmux's passthrough (DCS tmux; ... ST) may
 * be up to PARSER_PASSTHROUGH_MAX bytes. */
static void dcs_put(struct parser *p, uint8_t c)
{
    if (p->osc_len < PARSER_OSC_MAX || p->osc_len >= PARSER_PASSTHROUGH_MAX ||
        p->dcs_final != 't' || memcmp(p->osc, "mux;", 4) != 0) {
        osc_put(p, c);
        return;
    }
    if (p->osc_len == p->osc_size) {
        size_t size = p->osc_size * 2;
        p->osc_size = size < PARSER_PASSTHROUGH_MAX ? size : PARSER_PASSTHROUGH_MAX;
        p->osc = xrealloc(p->osc, p->osc_size);
    }
    p->osc[p->osc_len++] = c;
}

/* After a string: a buffer grown past PARSER_OSC_MAX (a passthrough) is given back. */
static void string_done(struct parser *p)
{
    if (p->osc_size > PARSER_OSC_MAX) {
        free(p->osc);
        p->osc = NULL;
        p->osc_size = p->osc_len = 0;
    }
}

/* The string collected, for a dispatch callback (never NULL). */
static const uint8_t *osc_text(const struct parser *p)
{
    return p->osc != NULL ? p->osc : (const uint8_t *)"";
}

static void seq_clear(struct parser *p)
{
    p->seq.prefix = 0;
    p->seq.ninter = 0;
    p->seq.params[0] = 0;
    p->seq.sub_mask = 0;
    p->seq.nparams = 0;
    p->seq.ignore = false;
    p->param_seen = false;
}

/* Entering a state: sequences start clean, OSC strings start empty. */
static void enter_state(struct parser *p, uint8_t state)
{
    p->state = state;
    switch (state) {
    case PARSER_ESCAPE:
    case PARSER_CSI_ENTRY:
    case PARSER_DCS_ENTRY:
        seq_clear(p);
        break;
    case PARSER_OSC_STRING:
    case PARSER_WINDOW_NAME_STRING:
        p->osc_len = 0;
        break;
    default:
        break;
    }
}

/* A parameter byte: a digit extends the current value, ';' or ':' starts the next
 * one. Too many parameters or too large a value mark the sequence to be ignored. */
static void collect_param(struct parser *p, uint8_t c)
{
    struct parser_seq *s = &p->seq;
    if (!p->param_seen) {
        p->param_seen = true;
        s->nparams = 1;
        s->params[0] = 0;
    }
    if (s->ignore)
        return;
    if (c >= '0' && c <= '9') {
        uint32_t *v = &s->params[s->nparams - 1];
        *v = *v * 10 + (uint32_t)(c - '0');
        if (*v > PARSER_MAX_VALUE)
            s->ignore = true;
        return;
    }
    if (s->nparams == PARSER_MAX_PARAMS) {
        s->ignore = true;
        return;
    }
    s->params[s->nparams] = 0;
    if (c == ':')
        s->sub_mask |= 1u << s->nparams;
    s->nparams++;
}

static void collect_intermediate(struct parser *p, uint8_t c)
{
    if (p->seq.ninter == PARSER_MAX_INTERMEDIATES) {
        p->seq.ignore = true;
        return;
    }
    p->seq.inter[p->seq.ninter++] = c;
}

/* Decode one byte >= 0x80 (or any byte while a character is incomplete). Returns
 * true when the byte must be processed again as the start of something new. */
static bool feed_utf8(struct parser *p, uint8_t c, const struct parser_ops *ops, void *ctx)
{
    int again;
    int32_t cp = utf8_decode_byte(&p->utf8, c, &again);
    if (cp == UTF8_MORE)
        return false;
    if (cp == UTF8_INVALID) {
        ops->print(ctx, 0xfffd);
        return again != 0;
    }
    ops->print(ctx, (uint32_t)cp);
    return false;
}

/* Run one byte through the current state's table. */
static void step(struct parser *p, uint8_t c, const struct parser_ops *ops, void *ctx)
{
    /* Unlisted bytes (DEL, stray high bytes) are ACT_IGNORE / STAY. */
    const struct transition *t = &flat[p->state][c];

    switch (t->action) {
    case ACT_PRINT:
        ops->print(ctx, c);
        break;
    case ACT_EXECUTE:
        ops->execute(ctx, c);
        break;
    case ACT_COLLECT:
        collect_intermediate(p, c);
        break;
    case ACT_PREFIX:
        p->seq.prefix = c;
        break;
    case ACT_PARAM:
        collect_param(p, c);
        break;
    case ACT_ESC_DISPATCH:
        if (!p->seq.ignore)
            ops->esc_dispatch(ctx, &p->seq, c);
        break;
    case ACT_CSI_DISPATCH:
        if (!p->seq.ignore)
            ops->csi_dispatch(ctx, &p->seq, c);
        break;
    case ACT_OSC_PUT:
        osc_put(p, c);
        break;
    case ACT_OSC_END:
        ops->osc_dispatch(ctx, osc_text(p), p->osc_len, c == 0x07);
        break;
    case ACT_NAME_END:
        ops->window_name_dispatch(ctx, osc_text(p), p->osc_len);
        break;
    case ACT_DCS_HOOK:
        p->dcs_final = c;
        p->osc_len = 0;
        break;
    case ACT_DCS_PUT:
        dcs_put(p, c);
        break;
    case ACT_DCS_ABORT:
        string_done(p);
        break;
    case ACT_DCS_END:
    case ACT_DCS_END_AGAIN:
        if (!p->seq.ignore)
            ops->dcs_dispatch(ctx, &p->seq, p->dcs_final, osc_text(p), p->osc_len);
        string_done(p);
        if (t->action == ACT_DCS_END_AGAIN) {
            enter_state(p, t->next);
            step(p, c, ops, ctx); /* in PARSER_ESCAPE: never back here for this byte */
            return;
        }
        break;
    default:
        break;
    }
    if (t->next != STAY)
        enter_state(p, t->next);
}

/* The end of the run of printable ASCII (0x20-0x7e) starting at i, eight bytes at a
 * time: for a word of such bytes, x - 0x20.., x + 0x01.. and x itself all have every
 * byte's top bit clear; the first byte outside the range sets one (the borrows and
 * carries of the bytes below it are zero, so the test is exact for it, and on a
 * little-endian machine its bit is the lowest set). */
static size_t printable_run_end(const uint8_t *buf, size_t i, size_t len)
{
#if defined(__SSE2__)
    /* Sixteen at a time: as signed bytes, the printable ones are those above 0x1f and
     * below 0x7f (0x80-0xff are negative); the first other byte is the lowest bit of
     * the mask of failures. */
    const __m128i below = _mm_set1_epi8(0x1f), above = _mm_set1_epi8(0x7f);
    while (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(buf + i));
        __m128i ok = _mm_and_si128(_mm_cmpgt_epi8(x, below), _mm_cmpgt_epi8(above, x));
        unsigned outside = (unsigned)_mm_movemask_epi8(ok) ^ 0xffffu;
        if (outside != 0)
            return i + (size_t)__builtin_ctz(outside);
        i += 16;
    }
#endif
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    while (i + 8 <= len) {
        uint64_t x;
        memcpy(&x, buf + i, 8);
        uint64_t outside = ((x - 0x20 * ones) | (x + ones) | x) & high;
        if (outside != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return i + (size_t)__builtin_ctzll(outside) / 8;
#else
            break;
#endif
        }
        i += 8;
    }
    while (i < len && buf[i] >= 0x20 && buf[i] < 0x7f)
        i++;
    return i;
}

/* A whole, well-formed UTF-8 character of 2-4 bytes at buf[i] (the forms of Unicode's
 * table 3-7: no overlong form, no surrogate, nothing past U+10FFFF): its length, *cp
 * its value. 0 for anything else (a broken or cut sequence), which the incremental
 * decoder then takes byte by byte: it accepts exactly these forms, so either way the
 * same characters come out. */
static size_t utf8_whole(const uint8_t *buf, size_t i, size_t len, uint32_t *cp)
{
    uint8_t c = buf[i];
    size_t left = len - i;
    if (c >= 0xc2 && c <= 0xdf) {
        if (left < 2 || (buf[i + 1] & 0xc0) != 0x80)
            return 0;
        *cp = (uint32_t)(c & 0x1f) << 6 | (buf[i + 1] & 0x3f);
        return 2;
    }
    if (c >= 0xe0 && c <= 0xef) {
        if (left < 3 || (buf[i + 1] & 0xc0) != 0x80 || (buf[i + 2] & 0xc0) != 0x80)
            return 0;
        if ((c == 0xe0 && buf[i + 1] < 0xa0) || (c == 0xed && buf[i + 1] > 0x9f))
            return 0;
        *cp = (uint32_t)(c & 0x0f) << 12 | (uint32_t)(buf[i + 1] & 0x3f) << 6 |
              (buf[i + 2] & 0x3f);
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (left < 4 || (buf[i + 1] & 0xc0) != 0x80 || (buf[i + 2] & 0xc0) != 0x80 ||
            (buf[i + 3] & 0xc0) != 0x80)
            return 0;
        if ((c == 0xf0 && buf[i + 1] < 0x90) || (c == 0xf4 && buf[i + 1] > 0x8f))
            return 0;
        *cp = (uint32_t)(c & 0x07) << 18 | (uint32_t)(buf[i + 1] & 0x3f) << 12 |
              (uint32_t)(buf[i + 2] & 0x3f) << 6 | (buf[i + 3] & 0x3f);
        return 4;
    }
    return 0;
}

/* ESC [ at buf[i], in the ground state: the common CSI (an optional private marker,
 * digits and ';', a final byte), whole in the buffer, parsed in one pass and
 * dispatched exactly as the tables would. Returns the bytes taken from the ESC on, or
 * 0 for anything else (intermediates, ':', DEL or controls inside, too many parameters
 * or too large a value, the buffer's end before the final byte): the tables then take
 * it byte by byte from the ESC, so nothing here has an effect before the dispatch. */
static size_t csi_fast(struct parser *p, const uint8_t *buf, size_t i, size_t len,
                       const struct parser_ops *ops, void *ctx)
{
    struct parser_seq *s = &p->seq;
    size_t j = i + 2;
    uint8_t prefix = 0;
    if (j < len && buf[j] >= 0x3c && buf[j] <= 0x3f)
        prefix = buf[j++];
    int n = 0;
    uint32_t v = 0;
    bool seen = false;
    for (; j < len; j++) {
        uint8_t c = buf[j];
        if (c >= '0' && c <= '9') {
            v = v * 10 + (uint32_t)(c - '0');
            if (v > PARSER_MAX_VALUE)
                return 0;
            seen = true;
        } else if (c == ';') {
            if (n + 1 >= PARSER_MAX_PARAMS)
                return 0;
            s->params[n++] = v;
            v = 0;
            seen = true;
        } else if (c >= 0x40 && c <= 0x7e) {
            if (!seen)
                s->params[0] = 0;
            else
                s->params[n++] = v;
            s->nparams = n;
            s->prefix = prefix;
            s->ninter = 0;
            s->sub_mask = 0;
            s->ignore = false;
            p->param_seen = seen;
            p->state = PARSER_GROUND;
            ops->csi_dispatch(ctx, s, c);
            return j + 1 - i;
        } else {
            return 0;
        }
    }
    return 0;
}

void parser_feed(struct parser *p, const uint8_t *buf, size_t len,
                 const struct parser_ops *ops, void *ctx)
{
    size_t i = 0;
    while (i < len) {
        uint8_t c = buf[i];
        if (p->state == PARSER_GROUND) {
            if (p->utf8.need > 0 || c >= 0x80) {
                uint32_t cp;
                size_t n;
                if (p->utf8.need == 0 && (n = utf8_whole(buf, i, len, &cp)) > 0) {
                    ops->print(ctx, cp);
                    i += n;
                    continue;
                }
                if (!feed_utf8(p, c, ops, ctx))
                    i++;
                continue;
            }
            if (c >= 0x20 && c < 0x7f) {
                size_t start = i;
                i = printable_run_end(buf, i + 1, len);
                ops->print_ascii(ctx, buf + start, i - start);
                continue;
            }
            if (c < 0x20 && c != 0x1b && c != 0x18 && c != 0x1a) {
                /* A C0 control (CR, LF...): ground's table executes it and stays. */
                ops->execute(ctx, c);
                i++;
                continue;
            }
            if (c == 0x1b && i + 2 < len && buf[i + 1] == '[') {
                size_t n = csi_fast(p, buf, i, len, ops, ctx);
                if (n > 0) {
                    i += n;
                    continue;
                }
            }
        }
        step(p, c, ops, ctx);
        i++;
    }
}
