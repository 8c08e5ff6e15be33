#define SIBLING 12
