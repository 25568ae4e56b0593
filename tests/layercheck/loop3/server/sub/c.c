#include "c.h"
#include "a.h"
