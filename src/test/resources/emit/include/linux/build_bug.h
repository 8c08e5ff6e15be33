/* Test stand-in for the kernel's <linux/build_bug.h>: static_assert as the kernel defines it (C11's). */
#ifndef DT_TEST_LINUX_BUILD_BUG_H
#define DT_TEST_LINUX_BUILD_BUG_H
#define static_assert(expr, ...) _Static_assert(expr, ##__VA_ARGS__)
#endif
