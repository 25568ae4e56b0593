/* test_server_helpers.h - a struct server as the unit tests of server modules need it:
 * empty lists and the three global option sets with their defaults, as server_main
 * makes them (no loop, no listeners). */
#ifndef TMX_TEST_SERVER_HELPERS_H
#define TMX_TEST_SERVER_HELPERS_H

#include "options.h"
#include "server_state.h"

static inline void test_server_init(struct server *s)
{
    TAILQ_INIT(&s->sessions);
    TAILQ_INIT(&s->clients);
    TAILQ_INIT(&s->jobs);
    TAILQ_INIT(&s->paste_buffers);
    s->options = options_create(NULL);
    options_set_defaults(s->options, OPTION_SERVER);
    s->session_options = options_create(NULL);
    options_set_defaults(s->session_options, OPTION_SESSION);
    s->window_options = options_create(NULL);
    options_set_defaults(s->window_options, OPTION_WINDOW);
}

static inline void test_server_free_options(struct server *s)
{
    options_free(s->options);
    options_free(s->session_options);
    options_free(s->window_options);
}

#endif
