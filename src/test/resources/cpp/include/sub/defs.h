#define FROM_SUB 11
#include "sibling.h"
