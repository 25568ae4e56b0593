/* cmd_list.c - the list commands' filter, order and lines (see cmd_list.h). */
#include "cmd_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "format.h"
#include "model.h"

enum list_order { ORDER_NATURAL, ORDER_NAME, ORDER_INDEX, ORDER_CREATION, ORDER_ACTIVITY,
                  ORDER_SIZE };

static long compare_long(long a, long b)
{
    return a < b ? -1 : a > b;
}

/* How a and b compare in an order; ties keep the natural order. */
static long compare_items(const struct cmd_list_item *a, const struct cmd_list_item *b,
                          enum list_order order)
{
    long c = 0;
    switch (order) {
    case ORDER_NAME:
        if (a->pane == NULL && a->window != NULL)
            c = strcmp(a->window->name, b->window->name);
        else if (a->window == NULL && a->session != NULL)
            c = strcmp(a->session->name, b->session->name);
        break;
    case ORDER_INDEX:
        if (a->pane != NULL)
            c = 0;
        else if (a->window != NULL)
            c = compare_long(a->wl != NULL ? a->wl->index : 0, b->wl != NULL ? b->wl->index : 0);
        else if (a->session != NULL)
            c = compare_long(a->session->id, b->session->id);
        break;
    case ORDER_CREATION:
        if (a->pane != NULL)
            c = compare_long(a->pane->id, b->pane->id);
        else if (a->window != NULL)
            c = compare_long(a->window->id, b->window->id);
        else if (a->session != NULL) {
            c = compare_long((long)a->session->created, (long)b->session->created);
            if (c == 0)
                c = compare_long(a->session->id, b->session->id);
        }
        break;
    case ORDER_ACTIVITY:
        /* The most recently used first. */
        if (a->pane == NULL && a->window == NULL && a->session != NULL)
            c = compare_long((long)b->session->activity, (long)a->session->activity);
        break;
    case ORDER_SIZE:
        if (a->pane != NULL)
            c = compare_long((long)a->pane->cols * a->pane->rows, (long)b->pane->cols * b->pane->rows);
        else if (a->window != NULL)
            c = compare_long((long)a->window->cols * a->window->rows,
                             (long)b->window->cols * b->window->rows);
        break;
    case ORDER_NATURAL:
        break;
    }
    return c != 0 ? c : compare_long(a->position, b->position);
}

int cmd_list_sort(struct cmd_ctx *ctx, struct cmd_args *args, struct cmd_list_item *items,
                  size_t n)
{
    static const struct {
        const char *name;
        enum list_order order;
    } orders[] = {{"name", ORDER_NAME},         {"index", ORDER_INDEX},
                  {"creation", ORDER_CREATION}, {"activity", ORDER_ACTIVITY},
                  {"size", ORDER_SIZE}};
    enum list_order order = ORDER_NATURAL;
    const char *o = args->flags['O'];
    if (o != NULL) {
        size_t i;
        for (i = 0; i < sizeof orders / sizeof orders[0]; i++) {
            if (strcmp(o, orders[i].name) == 0)
                break;
        }
        if (i == sizeof orders / sizeof orders[0]) {
            cmd_error(ctx, "invalid sort order: %s", o);
            return -1;
        }
        order = orders[i].order;
    }
    bool reverse = args->flags['r'] != NULL;
    /* An insertion sort: lists are short and the order must be stable. */
    for (size_t i = 1; i < n; i++) {
        struct cmd_list_item it = items[i];
        size_t j = i;
        while (j > 0) {
            long c = compare_items(&items[j - 1], &it, order);
            if (reverse ? c >= 0 : c <= 0)
                break;
            items[j] = items[j - 1];
            j--;
        }
        items[j] = it;
    }
    return 0;
}

void cmd_list_line(struct cmd_ctx *ctx, const struct format_ctx *lf, const char *filter,
                   const char *template, long line)
{
    struct format_ctx fl = *lf;
    const struct format_ctx *f = &fl;
    char num[24];
    const char *vars[] = {"line", num, NULL};
    if (line >= 0 && fl.vars == NULL) {
        snprintf(num, sizeof num, "%ld", line);
        fl.vars = vars;
    }
    if (filter != NULL) {
        char *v = format_expand(f, filter);
        bool shown = *v != '\0' && strcmp(v, "0") != 0;
        free(v);
        if (!shown)
            return;
    }
    char *text = format_expand(f, template);
    cmd_print(ctx, "%s", text);
    free(text);
}
