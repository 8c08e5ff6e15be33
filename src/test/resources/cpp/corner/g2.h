 #ifndef G2
#define G2
#endif
x
