#if !defined(G3)
#define G3
#endif
