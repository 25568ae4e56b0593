#include "mid.h"
#include "sub/deep.h"
