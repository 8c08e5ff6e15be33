#define FROM_NEXT 14
#include_next <next.h>
