/* server_keeper.h - the server and its keeper (keeper/keeper.h): at start, connect to
 * the keeper of this socket (or start one) and adopt every pane it kept; afterwards,
 * the keeper's reports (a program's exit, its own loss) applied to the panes. */
#ifndef TMX_SERVER_KEEPER_H
#define TMX_SERVER_KEEPER_H

struct server;

/* Connect or start the keeper and adopt its panes into sessions and windows; started:
 * the connection to the keeper keeper_link_prestart forked at the server's start, or
 * -1. Without a keeper (it cannot start) panes are forked by the server itself, as
 * before, and that is logged. */
void server_keeper_start(struct server *s, int started);
/* Something may have moved or renamed panes (a pane started): the keeper is told where
 * they are shortly after. */
void server_keeper_tags_soon(struct server *s);
/* A command ran: the keeper is told now, before its client hears that it is done, so a
 * kill -9 right after a command still finds every pane where that command left it. */
void server_keeper_tags_now(struct server *s);
/* The server ends on purpose: the keeper hangs up what is left and exits. */
void server_keeper_stop(struct server *s);

#endif
