/* parser.h - the escape-sequence parser (internal to vt/): a DEC/ECMA-48 state
 * machine that turns bytes into print / execute / ESC / CSI / OSC / DCS events, plus
 * screen's window-name string (ESC k name ST). */
#ifndef TMX_VT_PARSER_H
#define TMX_VT_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define PARSER_MAX_PARAMS 32       /* parameters + colon sub-parameters */
#define PARSER_MAX_VALUE 65535     /* larger parameter values void the sequence */
#define PARSER_MAX_INTERMEDIATES 2
#define PARSER_OSC_MAX 4096        /* OSC / DCS / ESC k bytes kept; the rest is dropped */
#define PARSER_PASSTHROUGH_MAX (1024 * 1024) /* DCS tmux; ... ST (tmux's input limit) */

enum parser_state {
    PARSER_GROUND,
    PARSER_ESCAPE,
    PARSER_ESCAPE_INTERMEDIATE,
    PARSER_CSI_ENTRY,
    PARSER_CSI_PARAM,
    PARSER_CSI_INTERMEDIATE,
    PARSER_CSI_IGNORE,
    PARSER_OSC_STRING,
    PARSER_DCS_ENTRY,
    PARSER_DCS_PARAM,
    PARSER_DCS_INTERMEDIATE,
    PARSER_DCS_PASSTHROUGH,
    PARSER_DCS_ESCAPE,              /* ESC inside a DCS: ST, a doubled ESC, or the end */
    PARSER_DCS_IGNORE,
    PARSER_SOS_PM_APC_STRING,
    PARSER_WINDOW_NAME_STRING,      /* after ESC k (GNU screen's window name) */
    PARSER_NSTATES
};

/* The sequence being collected: read by the dispatch callbacks. */
struct parser_seq {
    uint8_t prefix;                 /* private marker '<' '=' '>' '?' or 0 */
    uint8_t inter[PARSER_MAX_INTERMEDIATES];
    int ninter;
    uint32_t params[PARSER_MAX_PARAMS];
    uint32_t sub_mask;              /* bit i: params[i] followed a ':' */
    int nparams;                    /* 0 when no parameter bytes were seen */
    bool ignore;                    /* overflowed: consume but do not dispatch */
};

/* What the parser calls. ctx is passed back unchanged. */
struct parser_ops {
    void (*print)(void *ctx, uint32_t cp);
    /* A run of printable ASCII (0x20-0x7e) in the ground state. */
    void (*print_ascii)(void *ctx, const uint8_t *s, size_t n);
    void (*execute)(void *ctx, uint8_t c0);
    void (*esc_dispatch)(void *ctx, const struct parser_seq *seq, uint8_t final);
    void (*csi_dispatch)(void *ctx, const struct parser_seq *seq, uint8_t final);
    /* A complete OSC string (not NUL-terminated), at most PARSER_OSC_MAX bytes;
     * bel: it ended with BEL (replies end the same way), else with ESC. */
    void (*osc_dispatch)(void *ctx, const uint8_t *s, size_t len, bool bel);
    /* A complete DCS: its parameters, intermediates and final byte in seq / final,
     * then its data (at most PARSER_OSC_MAX bytes; PARSER_PASSTHROUGH_MAX for tmux's
     * passthrough, final 't' and data "mux;..."); a doubled ESC inside is one ESC. */
    void (*dcs_dispatch)(void *ctx, const struct parser_seq *seq, uint8_t final,
                         const uint8_t *s, size_t len);
    /* A complete screen window-name string, ESC k name ST (or BEL): the bytes of
     * name (not NUL-terminated, at most PARSER_OSC_MAX); C0 controls are not kept. */
    void (*window_name_dispatch)(void *ctx, const uint8_t *s, size_t len);
};

struct parser {
    uint8_t state;
    struct parser_seq seq;
    bool param_seen;
    struct utf8_decoder utf8;
    uint8_t dcs_final;              /* final byte of the DCS being collected */
    size_t osc_len;                 /* the OSC, DCS or ESC k string */
    uint8_t *osc;                   /* grown as it comes, up to PARSER_OSC_MAX */
    size_t osc_size;
};

/* Split the next ';'-separated field off a string [*p, end) (an OSC or DCS): *f, *n
 * is the field; false when none is left. */
static inline bool parser_next_field(const uint8_t **p, const uint8_t *end, const uint8_t **f,
                                     size_t *n)
{
    if (*p > end)
        return false;
    const uint8_t *q = memchr(*p, ';', (size_t)(end - *p));
    if (q == NULL)
        q = end;
    *f = *p;
    *n = (size_t)(q - *p);
    *p = q + 1;
    return true;
}

void parser_init(struct parser *p);
void parser_free(struct parser *p);
/* Feed bytes; calls ops as sequences complete. State carries over between calls. */
void parser_feed(struct parser *p, const uint8_t *buf, size_t len,
                 const struct parser_ops *ops, void *ctx);

#endif
