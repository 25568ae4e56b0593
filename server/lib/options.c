/* options.c - option sets with inheritance, typed parsing, arrays, user options and
 * tmux's way of printing values (see options.h). */
#include "options.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "keys.h"
#include "style.h"
#include "xmalloc.h"

/* One item of an array: its index, its text and (colours) its number. */
struct option_item {
    long idx;
    long number;
    char *string;
};

struct option_value {
    bool set;
    long number;
    char *string;               /* strings, styles; colours: the colour's name */
    struct option_item *items;  /* arrays, sorted by index */
    size_t nitems;
};

struct user_option {
    char *name;
    char *value;
};

struct options {
    struct options *parent;
    struct option_value *values; /* indexed like option_table; NULL until one is set */
    struct user_option *user;    /* sorted by name */
    size_t nuser;
    uint64_t changes;            /* + 1 at each change of the set's own values */
};

/* A lookup remembered: callers pass the same literal for an option again and again (every
 * frame and key looks up a dozen), so its address finds the index in one compare of the
 * name instead of hashing it; the name is compared, so a buffer reused for another
 * name is never taken for the first. */
#define NAME_HINTS 256 /* hint_slot takes 8 bits */
struct name_hint {
    const char *name;
    long idx;
};

/* The table's names hashed (open addressing: a slot holds an index + 1, 0 is empty)
 * and the last lookups by name: the table's, so one of each for the process (not one
 * per set: a new server made three, each sorting the same names), made at the first
 * lookup by name. Building it is one pass over the table (sorting it was 100K
 * instructions, on a new server's way to its first command). */
#define NAME_SLOTS 1024 /* a power of two, well over twice the table's size */
static uint16_t name_slots[NAME_SLOTS];
static bool names_hashed;
static struct name_hint name_hints[NAME_HINTS];

static size_t hint_slot(const char *name)
{
    return (size_t)(((uint64_t)(uintptr_t)name * 0x9e3779b97f4a7c15u) >> 56); /* 0-255 */
}

static size_t table_size(void)
{
    static size_t n;
    if (n == 0) {
        while (option_table[n].name != NULL)
            n++;
    }
    return n;
}

/* FNV-1a of a name, folded to a slot. */
static size_t name_slot(const char *name)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p != '\0'; p++)
        h = (h ^ *p) * 16777619u;
    return h & (NAME_SLOTS - 1);
}

static void names_hash(void)
{
    size_t n = table_size();
    if (n >= NAME_SLOTS / 2)
        abort(); /* the table outgrew NAME_SLOTS: raise it */
    for (size_t i = 0; i < n; i++) {
        size_t slot = name_slot(option_table[i].name);
        while (name_slots[slot] != 0)
            slot = (slot + 1) & (NAME_SLOTS - 1);
        name_slots[slot] = (uint16_t)(i + 1);
    }
    names_hashed = true;
}

/* The index of option name in option_table, or -1 (every frame, key and snapshot looks
 * options up by name; the table is in no order of names). */
static long index_of(const char *name)
{
    struct name_hint *hint = &name_hints[hint_slot(name)];
    if (hint->name == name && strcmp(option_table[hint->idx].name, name) == 0)
        return hint->idx;
    if (!names_hashed)
        names_hash();
    for (size_t slot = name_slot(name); name_slots[slot] != 0;
         slot = (slot + 1) & (NAME_SLOTS - 1)) {
        long i = (long)name_slots[slot] - 1;
        if (strcmp(option_table[i].name, name) == 0) {
            hint->name = name;
            hint->idx = i;
            return i;
        }
    }
    return -1;
}

const struct option_def *options_find(const char *name)
{
    long i = index_of(name);
    return i < 0 ? NULL : &option_table[i];
}

const char *options_scope_name(enum option_scope scope)
{
    return scope == OPTION_SERVER ? "server" : scope == OPTION_SESSION ? "session" : "window";
}

int options_parse_name(const char *arg, char *name, size_t size, long *idx)
{
    *idx = -1;
    const char *open = strchr(arg, '[');
    size_t len = open != NULL ? (size_t)(open - arg) : strlen(arg);
    if (len == 0 || len >= size)
        return -1;
    memcpy(name, arg, len);
    name[len] = '\0';
    if (open == NULL)
        return 0;
    char *end;
    errno = 0;
    unsigned long n = strtoul(open + 1, &end, 10);
    if (end == open + 1 || *end != ']' || end[1] != '\0' || errno != 0 || n > INT_MAX ||
        !isdigit((unsigned char)open[1]))
        return -1;
    *idx = (long)n;
    return 0;
}

const struct option_def *options_match(const char *name, bool *ambiguous)
{
    *ambiguous = false;
    if (*name == '@')
        return NULL;
    const struct option_def *exact = options_find(name);
    if (exact != NULL)
        return exact;
    size_t len = strlen(name);
    const struct option_def *found = NULL;
    for (const struct option_def *d = option_table; d->name != NULL; d++) {
        if (strncmp(d->name, name, len) != 0)
            continue;
        if (found != NULL) {
            *ambiguous = true;
            return NULL;
        }
        found = d;
    }
    return found;
}

struct options *options_create(struct options *parent)
{
    struct options *o = xcalloc(1, sizeof *o);
    o->parent = parent;
    return o; /* values come with the first set: most windows and panes never have one */
}

uint64_t options_changes(const struct options *o)
{
    return o->changes;
}

struct options *options_parent(const struct options *o)
{
    return o->parent;
}

void options_set_parent(struct options *o, struct options *parent)
{
    if (o != NULL)
        o->parent = parent;
}

static void value_clear(struct option_value *v)
{
    free(v->string);
    for (size_t i = 0; i < v->nitems; i++)
        free(v->items[i].string);
    free(v->items);
    memset(v, 0, sizeof *v);
}

void options_free(struct options *o)
{
    if (o == NULL)
        return;
    size_t n = o->values != NULL ? table_size() : 0;
    for (size_t i = 0; i < n; i++)
        value_clear(&o->values[i]);
    free(o->values);
    for (size_t i = 0; i < o->nuser; i++) {
        free(o->user[i].name);
        free(o->user[i].value);
    }
    free(o->user);
    free(o);
}

static void reset_at(struct options *o, long i);

void options_set_defaults(struct options *o, enum option_scope scope)
{
    /* By index: each default by its name would be two look-ups (one a scan of the
     * table), some 200 options, before a new server reads its first command. */
    for (size_t i = 0; option_table[i].name != NULL; i++) {
        if (option_table[i].scope == scope)
            reset_at(o, (long)i);
    }
}

/* The set holding a value for option i, walking up the parents; NULL if none does. */
static const struct option_value *lookup(const struct options *o, long i)
{
    for (; o != NULL; o = o->parent) {
        if (o->values != NULL && o->values[i].set)
            return &o->values[i];
    }
    return NULL;
}

static long checked_index(const char *name)
{
    long i = index_of(name);
    if (i < 0)
        abort(); /* asking for an option that is not in the table is a bug */
    return i;
}

long options_get_number(const struct options *o, const char *name)
{
    const struct option_value *v = lookup(o, checked_index(name));
    return v != NULL ? v->number : 0;
}

const char *options_get_string(const struct options *o, const char *name)
{
    const struct option_value *v = lookup(o, checked_index(name));
    return v != NULL && v->string != NULL ? v->string : "";
}

bool options_is_set(const struct options *o, const char *name)
{
    if (*name == '@')
        return options_get_user(o, name, false) != NULL;
    long i = index_of(name);
    return i >= 0 && o->values != NULL && o->values[i].set;
}

static struct option_value *own_value(struct options *o, long i)
{
    o->changes++;
    if (o->values == NULL)
        o->values = xcalloc(table_size(), sizeof *o->values);
    return &o->values[i];
}

/* A size: digits and an optional K, M, G or T (powers of 1024, an optional B after). */
static int parse_size(const char *value, long *out)
{
    if (value == NULL || *value < '0' || *value > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(value, &end, 10);
    if (errno != 0)
        return -1;
    static const char units[] = "KMGT";
    int shift = 0;
    const char *unit = *end != '\0' ? strchr(units, toupper((unsigned char)*end)) : NULL;
    if (unit != NULL) {
        shift = 10 * (int)(unit - units + 1);
        end++;
    }
    if (shift != 0 && (*end == 'b' || *end == 'B'))
        end++;
    if (*end != '\0' || n > (unsigned long long)LONG_MAX >> shift)
        return -1;
    *out = (long)(n << shift);
    return 0;
}

/* A colour's name as tmux prints it back, or -1 if value is no colour. */
static int parse_colour(const char *value, long *number, char **name)
{
    static const char *const basic[8] = {"black", "red",     "green", "yellow",
                                         "blue",  "magenta", "cyan",  "white"};
    uint32_t colour;
    if (strcasecmp(value, "terminal") == 0) {
        *number = COLOUR_DEFAULT;
        *name = xstrdup("terminal");
        return 0;
    }
    if (style_parse_colour(value, &colour) != 0)
        return -1;
    *number = (long)colour;
    if (strncasecmp(value, "colo", 4) == 0) {
        const char *digits = value + strcspn(value, "0123456789");
        *name = xasprintf("colour%d", atoi(digits));
    } else if (isdigit((unsigned char)*value)) {
        int n = atoi(value);
        *name = n <= 7 ? xstrdup(basic[n]) : xasprintf("bright%s", basic[n - 90]);
    } else {
        *name = xstrdup(value);
        for (char *p = *name; *p != '\0'; p++)
            *p = (char)tolower((unsigned char)*p);
    }
    return 0;
}

/* Parse value for option d into *number / *string (a new string, or NULL), tmux's
 * errors in err. current is the value it replaces (for toggles and appends). */
static int parse_value(const struct option_def *d, const char *value,
                       const struct option_value *current, const char *current_string,
                       bool append, long *number, char **string, char *err, size_t errsize)
{
    *number = 0;
    *string = NULL;
    if (value == NULL && d->type != OPTION_FLAG && d->type != OPTION_CHOICE) {
        snprintf(err, errsize, "empty value");
        return -1;
    }
    switch (d->type) {
    case OPTION_FLAG:
        if (value == NULL)
            *number = current == NULL || current->number == 0;
        else if (strcasecmp(value, "on") == 0 || strcasecmp(value, "yes") == 0 ||
                 strcmp(value, "1") == 0)
            *number = 1;
        else if (strcasecmp(value, "off") == 0 || strcasecmp(value, "no") == 0 ||
                 strcmp(value, "0") == 0)
            *number = 0;
        else {
            snprintf(err, errsize, "bad value: %s", value);
            return -1;
        }
        return 0;
    case OPTION_NUMBER: {
        char *end;
        errno = 0;
        long long n = strtoll(value, &end, 10);
        if (*value == '\0' || *end != '\0') {
            snprintf(err, errsize, "value is invalid: %s", value);
            return -1;
        }
        if (n < d->min || (errno == ERANGE && n == LLONG_MIN)) {
            snprintf(err, errsize, "value is too small: %s", value);
            return -1;
        }
        if (n > d->max || errno == ERANGE) {
            snprintf(err, errsize, "value is too large: %s", value);
            return -1;
        }
        *number = (long)n;
        return 0;
    }
    case OPTION_SIZE:
        if (parse_size(value, number) != 0 || *number < d->min || *number > d->max) {
            snprintf(err, errsize, "%s: not a size (like 0, 512K, 64M, 2G): %s", d->name, value);
            return -1;
        }
        return 0;
    case OPTION_KEY: {
        key_code key = strcasecmp(value, "None") == 0 ? KEYC_NONE : key_from_name(value);
        if (key == KEYC_NONE && strcasecmp(value, "None") != 0) {
            snprintf(err, errsize, "bad key: %s", value);
            return -1;
        }
        *number = (long)key;
        /* tmux names the DEL key C-? (tmx's keys call it BSpace). */
        if (strcmp(value, "C-?") == 0 || strcmp(value, "^?") == 0)
            *string = xstrdup("C-?");
        return 0;
    }
    case OPTION_CHOICE:
        if (value == NULL) {
            *number = current != NULL ? current->number : 0;
            if (*number < 2)
                *number = !*number;
            return 0;
        }
        for (long c = 0; d->choices[c] != NULL; c++) {
            if (strcmp(d->choices[c], value) == 0) {
                *number = c;
                return 0;
            }
        }
        snprintf(err, errsize, "unknown value: %s", value);
        return -1;
    case OPTION_COLOUR:
        if (parse_colour(value, number, string) != 0) {
            snprintf(err, errsize, "bad colour: %s", value);
            return -1;
        }
        return 0;
    case OPTION_STYLE:
    case OPTION_STRING:
    case OPTION_COMMAND: {
        char *joined;
        if (append && current_string != NULL)
            joined = xasprintf("%s%s%s", current_string,
                               d->type == OPTION_STYLE && *current_string != '\0' ? "," : "",
                               value);
        else
            joined = xstrdup(value);
        if (d->type == OPTION_STYLE && strstr(joined, "#{") == NULL) {
            /* Checked now, kept as text (one holding a format is checked when used). */
            struct grid_pen pen = {0};
            char serr[200];
            if (style_apply(&pen, joined, serr, sizeof serr) != 0) {
                snprintf(err, errsize, "invalid style: %s", joined);
                free(joined);
                return -1;
            }
        }
        if (d->flags & OPTION_F_WXH) {
            unsigned x, y;
            if (sscanf(joined, "%ux%u", &x, &y) != 2) {
                snprintf(err, errsize, "value is invalid: %s", joined);
                free(joined);
                return -1;
            }
        }
        if ((d->flags & OPTION_F_SHELL) && (*joined != '/' || access(joined, X_OK) != 0)) {
            snprintf(err, errsize, "not a suitable shell: %s", joined);
            free(joined);
            return -1;
        }
        *string = joined;
        return 0;
    }
    }
    return 0;
}

static struct option_item *find_item(const struct option_value *v, long idx)
{
    for (size_t i = 0; i < v->nitems; i++) {
        if (v->items[i].idx == idx)
            return &v->items[i];
    }
    return NULL;
}

/* Put (idx, number, string) into v's items, in index order; string is taken. */
static void put_item(struct option_value *v, long idx, long number, char *string)
{
    struct option_item *it = find_item(v, idx);
    if (it != NULL) {
        free(it->string);
        it->string = string;
        it->number = number;
        return;
    }
    v->items = xreallocarray(v->items, v->nitems + 1, sizeof *v->items);
    size_t at = 0;
    while (at < v->nitems && v->items[at].idx < idx)
        at++;
    memmove(&v->items[at + 1], &v->items[at], (v->nitems - at) * sizeof *v->items);
    v->items[at] = (struct option_item){.idx = idx, .number = number, .string = string};
    v->nitems++;
}

/* Make this set hold the array option i itself (a set holds a whole array or none). */
static struct option_value *own_array(struct options *o, long i)
{
    struct option_value *v = own_value(o, i);
    v->set = true; /* a set's own array starts empty, as tmux's does */
    return v;
}

static int assign_items(struct option_value *v, const struct option_def *d, const char *value,
                        char *err, size_t errsize)
{
    char *copy = xstrdup(value);
    char *rest = copy, *word;
    int rc = 0;
    while ((word = strsep(&rest, d->separator)) != NULL) {
        if (*word == '\0')
            continue;
        long number;
        char *string;
        if (parse_value(d, word, NULL, NULL, false, &number, &string, err, errsize) != 0) {
            rc = -1;
            break;
        }
        long idx = 0;
        while (find_item(v, idx) != NULL)
            idx++;
        put_item(v, idx, number, string != NULL ? string : xstrdup(word));
    }
    free(copy);
    return rc;
}

/* options_set for the option at index i of the table. */
static int set_at(struct options *o, long i, const char *value, bool append, char *err,
                  size_t errsize)
{
    const struct option_def *d = &option_table[i];
    if (d->flags & OPTION_F_ARRAY) {
        if (value == NULL) {
            snprintf(err, errsize, "empty value");
            return -1;
        }
        struct option_value *v = own_array(o, i);
        if (!append) {
            for (size_t k = 0; k < v->nitems; k++)
                free(v->items[k].string);
            v->nitems = 0;
        }
        return assign_items(v, d, value, err, errsize);
    }
    const struct option_value *current = lookup(o, i);
    /* -a appends to the set's own value only, as tmux does. */
    const char *own = o->values != NULL && o->values[i].set ? o->values[i].string : NULL;
    long number;
    char *string;
    if (parse_value(d, value, current, own, append,
                    &number, &string, err, errsize) != 0)
        return -1;
    struct option_value *v = own_value(o, i);
    free(v->string);
    v->string = string;
    v->number = number;
    v->set = true;
    return 0;
}

int options_set(struct options *o, const char *name, const char *value, bool append,
                char *err, size_t errsize)
{
    long i = index_of(name);
    if (i < 0) {
        snprintf(err, errsize, "invalid option: %s", name);
        return -1;
    }
    return set_at(o, i, value, append, err, errsize);
}

int options_set_item(struct options *o, const char *name, long idx, const char *value,
                     bool append, char *err, size_t errsize)
{
    long i = index_of(name);
    if (i < 0 || !(option_table[i].flags & OPTION_F_ARRAY)) {
        snprintf(err, errsize, "not an array: %s", name);
        return -1;
    }
    const struct option_def *d = &option_table[i];
    if (value == NULL) {
        snprintf(err, errsize, "empty value");
        return -1;
    }
    struct option_value *v = own_array(o, i);
    const struct option_item *old = find_item(v, idx);
    long number;
    char *string;
    if (parse_value(d, value, NULL, old != NULL ? old->string : NULL, append, &number, &string,
                    err, errsize) != 0)
        return -1;
    put_item(v, idx, number, string != NULL ? string : xstrdup(value));
    return 0;
}

void options_unset(struct options *o, const char *name)
{
    if (*name == '@') {
        options_unset_user(o, name);
        return;
    }
    long i = index_of(name);
    if (i < 0 || o->values == NULL)
        return;
    o->changes++;
    value_clear(&o->values[i]);
}

void options_unset_item(struct options *o, const char *name, long idx)
{
    long i = index_of(name);
    if (i < 0 || o->values == NULL || !o->values[i].set)
        return;
    struct option_value *v = &o->values[i];
    struct option_item *it = find_item(v, idx);
    if (it == NULL)
        return;
    o->changes++;
    free(it->string);
    size_t at = (size_t)(it - v->items);
    memmove(&v->items[at], &v->items[at + 1], (v->nitems - at - 1) * sizeof *v->items);
    v->nitems--;
}

/* options_reset for the option at index i of the table. */
static void reset_at(struct options *o, long i)
{
    const struct option_def *d = &option_table[i];
    char err[256];
    value_clear(own_value(o, i));
    if (d->flags & OPTION_F_ARRAY) {
        struct option_value *v = own_array(o, i);
        for (long k = 0; d->default_array != NULL && d->default_array[k] != NULL; k++) {
            long number;
            char *string;
            if (parse_value(d, d->default_array[k], NULL, NULL, false, &number, &string, err,
                            sizeof err) != 0)
                abort(); /* a default that does not parse is a bug in the table */
            put_item(v, k, number, string != NULL ? string : xstrdup(d->default_array[k]));
        }
        return;
    }
    if (d->type == OPTION_COLOUR && strcmp(d->default_value, "none") == 0) {
        struct option_value *v = own_value(o, i); /* no colour: the terminal's own */
        v->set = true;
        v->number = -1;
        v->string = xstrdup("none");
        return;
    }
    if (set_at(o, i, d->default_value, false, err, sizeof err) != 0)
        abort();
}

void options_reset(struct options *o, const char *name)
{
    reset_at(o, checked_index(name));
}

long options_array_next(const struct options *o, const char *name, long after,
                        const char **value)
{
    const struct option_value *v = lookup(o, checked_index(name));
    if (v == NULL)
        return -1;
    for (size_t k = 0; k < v->nitems; k++) {
        if (v->items[k].idx > after) {
            if (value != NULL)
                *value = v->items[k].string;
            return v->items[k].idx;
        }
    }
    return -1;
}

const char *options_array_get(const struct options *o, const char *name, long idx)
{
    const struct option_value *v = lookup(o, checked_index(name));
    const struct option_item *it = v != NULL ? find_item(v, idx) : NULL;
    return it != NULL ? it->string : NULL;
}

/* The index of user option name in o->user, or where it would go (*found false). */
static size_t user_index(const struct options *o, const char *name, bool *found)
{
    size_t lo = 0, hi = o->nuser;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(o->user[mid].name, name);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

const char *options_get_user(const struct options *o, const char *name, bool inherit)
{
    for (; o != NULL; o = inherit ? o->parent : NULL) {
        bool found;
        size_t i = user_index(o, name, &found);
        if (found)
            return o->user[i].value;
    }
    return NULL;
}

void options_set_user(struct options *o, const char *name, const char *value, bool append)
{
    bool found;
    size_t i = user_index(o, name, &found);
    o->changes++;
    if (found) {
        char *old = o->user[i].value;
        o->user[i].value = append ? xasprintf("%s%s", old, value) : xstrdup(value);
        free(old);
        return;
    }
    /* -a appends to this set's own value only, as tmux does. */
    o->user = xreallocarray(o->user, o->nuser + 1, sizeof *o->user);
    memmove(&o->user[i + 1], &o->user[i], (o->nuser - i) * sizeof *o->user);
    o->user[i].name = xstrdup(name);
    o->user[i].value = xstrdup(value);
    o->nuser++;
}

void options_unset_user(struct options *o, const char *name)
{
    bool found;
    size_t i = user_index(o, name, &found);
    if (!found)
        return;
    o->changes++;
    free(o->user[i].name);
    free(o->user[i].value);
    memmove(&o->user[i], &o->user[i + 1], (o->nuser - i - 1) * sizeof *o->user);
    o->nuser--;
}

const char *options_user_next(const struct options *o, const char *after)
{
    if (after == NULL)
        return o->nuser > 0 ? o->user[0].name : NULL;
    bool found;
    size_t i = user_index(o, after, &found);
    if (found)
        i++;
    return i < o->nuser ? o->user[i].name : NULL;
}

/* One scalar value of option d as text. */
static const char *value_text(const struct option_def *d, long n, const char *s, char *buf,
                              size_t size)
{
    switch (d->type) {
    case OPTION_FLAG:
        snprintf(buf, size, "%s", n ? "on" : "off");
        break;
    case OPTION_NUMBER:
        snprintf(buf, size, "%ld", n);
        break;
    case OPTION_SIZE: {
        /* The largest unit dividing it: 64M reads back as 64M. */
        const char *units = "KMGT";
        int u = -1;
        while (n != 0 && u < 3 && n % 1024 == 0) {
            n /= 1024;
            u++;
        }
        if (u >= 0)
            snprintf(buf, size, "%ld%c", n, units[u]);
        else
            snprintf(buf, size, "%ld", n);
        break;
    }
    case OPTION_KEY:
        if (s != NULL)
            snprintf(buf, size, "%s", s);
        else if ((key_code)n == KEYC_NONE)
            snprintf(buf, size, "None");
        else
            key_to_name((key_code)n, buf, size);
        break;
    case OPTION_CHOICE:
        snprintf(buf, size, "%s", n >= 0 ? d->choices[n] : "");
        break;
    default:
        snprintf(buf, size, "%s", s != NULL ? s : "");
        break;
    }
    return buf;
}

const char *options_to_string(const struct options *o, const char *name, char *buf,
                              size_t size)
{
    if (*name == '@') {
        const char *u = options_get_user(o, name, true);
        snprintf(buf, size, "%s", u != NULL ? u : "");
        return buf;
    }
    long i = index_of(name);
    const struct option_value *v = i >= 0 ? lookup(o, i) : NULL;
    if (v == NULL) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    const struct option_def *d = &option_table[i];
    if (!(d->flags & OPTION_F_ARRAY))
        return value_text(d, v->number, v->string, buf, size);
    /* Every item, separated by spaces. */
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < v->nitems && used < size; k++) {
        int n = snprintf(buf + used, size - used, "%s%s", k > 0 ? " " : "", v->items[k].string);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    return buf;
}

const char *options_item_to_string(const struct options *o, const char *name, long idx,
                                   char *buf, size_t size)
{
    if (idx < 0)
        return options_to_string(o, name, buf, size);
    const char *s = options_array_get(o, name, idx);
    snprintf(buf, size, "%s", s != NULL ? s : "");
    return buf;
}

/* The length of the valid UTF-8 sequence at p, or 0. */
static size_t utf8_sequence_length(const unsigned char *p)
{
    size_t n = (p[0] & 0xe0) == 0xc0 ? 2 : (p[0] & 0xf0) == 0xe0 ? 3 : (p[0] & 0xf8) == 0xf0 ? 4 : 0;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xc0) != 0x80)
            return 0;
    }
    return n;
}

const char *options_lookup_text(const struct options *o, const char *key, char *buf,
                                size_t size)
{
    char name[256];
    long idx;
    if (o == NULL || options_parse_name(key, name, sizeof name, &idx) != 0)
        return NULL;
    if (*name == '@') {
        const char *u = idx == -1 ? options_get_user(o, name, true) : NULL;
        if (u == NULL)
            return NULL;
        snprintf(buf, size, "%s", u);
        return buf;
    }
    long i = index_of(name);
    if (i < 0 || lookup(o, i) == NULL)
        return NULL;
    const struct option_def *d = &option_table[i];
    if (idx != -1 && !(d->flags & OPTION_F_ARRAY))
        return NULL;
    /* As tmux's formats read options: flags as 1 or 0, a whole array as nothing. */
    if (d->type == OPTION_FLAG) {
        snprintf(buf, size, "%ld", options_get_number(o, name));
        return buf;
    }
    if ((d->flags & OPTION_F_ARRAY) && idx == -1) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    return options_item_to_string(o, name, idx, buf, size);
}

/* Append c to the growing string (*out, *len, *cap). */
static void put_char(char **out, size_t *len, size_t *cap, char c)
{
    if (*len + 2 > *cap) {
        *cap = *cap * 2 + 16;
        *out = xrealloc(*out, *cap);
    }
    (*out)[(*len)++] = c;
    (*out)[*len] = '\0';
}

static void put_str(char **out, size_t *len, size_t *cap, const char *s)
{
    while (*s != '\0')
        put_char(out, len, cap, *s++);
}

/* s with backslashes, tabs, newlines and other controls written as C escapes (octal when
 * C has no letter for them), and in double quotes " and a $ starting a variable escaped:
 * the way tmux makes values printable. Valid UTF-8 is kept. */
static char *escape_body(const char *s, bool dq)
{
    char *out = xstrdup("");
    size_t len = 0, cap = 1;
    const unsigned char *p = (const unsigned char *)s;
    while (*p != '\0') {
        unsigned char c = *p;
        if (c >= 0x80) {
            size_t n = utf8_sequence_length(p);
            if (n > 1) {
                for (size_t k = 0; k < n; k++)
                    put_char(&out, &len, &cap, (char)p[k]);
                p += n;
                continue;
            }
        }
        char esc[8];
        const char *cstyle = NULL;
        switch (c) {
        case '\\': cstyle = "\\\\"; break;
        case '\n': cstyle = "\\n"; break;
        case '\r': cstyle = "\\r"; break;
        case '\t': cstyle = "\\t"; break;
        case '\a': cstyle = "\\a"; break;
        case '\b': cstyle = "\\b"; break;
        case '\v': cstyle = "\\v"; break;
        case '\f': cstyle = "\\f"; break;
        default: break;
        }
        if (cstyle != NULL)
            put_str(&out, &len, &cap, cstyle);
        else if (c < 0x20 || c >= 0x7f) {
            snprintf(esc, sizeof esc, "\\%03o", c);
            put_str(&out, &len, &cap, esc);
        } else if (dq && c == '"')
            put_str(&out, &len, &cap, "\\\"");
        else if (dq && c == '$' && (isalpha(p[1]) || p[1] == '_' || p[1] == '{'))
            put_str(&out, &len, &cap, "\\$");
        else
            put_char(&out, &len, &cap, (char)c);
        p++;
    }
    return out;
}

char *options_escape(const char *s)
{
    if (*s == '\0')
        return xstrdup("''");
    char quote = 0;
    if (s[strcspn(s, " #';${}%")] != '\0')
        quote = '"';
    else if (s[strcspn(s, " \"")] != '\0')
        quote = '\'';
    if (s[0] != ' ' && s[1] == '\0' && (quote != 0 || s[0] == '~'))
        return xasprintf("\\%c", s[0]);
    char *body = escape_body(s, quote == '"');
    char *result;
    if (quote == '\'')
        result = xasprintf("'%s'", body);
    else if (quote == '"')
        result = xasprintf("\"%s%s\"", *body == '~' ? "\\" : "", body);
    else
        result = xasprintf("%s%s", *body == '~' ? "\\" : "", body);
    free(body);
    return result;
}
