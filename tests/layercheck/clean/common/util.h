#include "types.h"
word util(void);
