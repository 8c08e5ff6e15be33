#define NEXT_LEVEL 15
