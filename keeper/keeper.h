/* keeper.h - the keeper: the process that is the parent of every pane's program and
 * holds every pty master, so that the programs outlive the server (a crash, kill -9, an
 * upgrade). It parses no terminal output, renders nothing and reads no configuration:
 * it spawns what the server asks (KMSG_SPAWN), reaps and reports exits, and while no
 * server is attached reads each pty into a bounded ring that the next server adopts
 * with the live masters (common/keeper_proto.h; docs/architecture.md, "The keeper"). */
#ifndef TMX_KEEPER_H
#define TMX_KEEPER_H

/* The entry of `tmx` re-executed as a keeper: argv is {title, KEEPER_ARGV1 (in
 * keeper_proto.h), socket path, fd of the first server's connection}. Returns the exit
 * status. */
int keeper_main(int argc, char **argv);
/* The keeper itself, in a process already set up as keeper_main's (its own session,
 * every signal at its default disposition and none blocked: its programs start from
 * that, no descriptor but stdio and server_fd): listens at path before it reads
 * anything (unless another keeper lives there: then it waits for that one to go), with
 * server_fd (>= 3) as its first server's connection. Returns the exit status. */
int keeper_run(char *path, int server_fd);

#endif
