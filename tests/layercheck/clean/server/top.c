/* the same layer, a folder's own header, a path relative to the file */
#include "top.h"
#include "mid.h"
#include "../common/types.h"
   #  include "util.h"
