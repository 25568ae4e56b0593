/* cmd_gate.h - the command parser of server/cmd.c compiled into the fuzzers with one
 * change: a command whose flags parsed runs only if it cannot fork, open or remove
 * files, signal processes or stop the server (see cmd_gate.c). Every path that runs
 * commands (config files, key bindings, prompts, hooks, if-shell -F, the client's
 * MSG_COMMAND) goes through cmd_execute_argv and so through the gate. */
#ifndef TMX_FUZZ_CMD_GATE_H
#define TMX_FUZZ_CMD_GATE_H

#include <stdbool.h>

struct cmd_ctx;
struct cmd_entry;
struct cmd_args;

/* Commands that got through flag parsing: how many ran, how many were stopped. */
extern unsigned long cmd_gate_ran, cmd_gate_stopped;

/* Aborts unless the gate is in effect (cmd.c changed so that the macro in cmd_gate.c no
 * longer catches the exec call: fix cmd_gate.c before fuzzing anything). */
void cmd_gate_selftest(void);

/* Whether the gate lets this command run. */
bool cmd_gate_allows(const struct cmd_entry *e, const struct cmd_args *args);

/* After flag parsing and before the gate: called with each parsed command (the
 * fuzzers check the parse and resolve its targets). May be NULL. */
extern void (*cmd_gate_parsed)(struct cmd_ctx *ctx, const struct cmd_entry *e,
                               const struct cmd_args *args, int argc, char **argv);

#endif
