/* types.h - a header without a .c: a module alone */
typedef int word;
