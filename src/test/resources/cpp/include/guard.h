#ifndef GUARD_H
#define GUARD_H
#define GUARDED 13
#endif
