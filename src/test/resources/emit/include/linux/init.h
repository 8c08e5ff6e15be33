/* Test stand-in for the kernel's <linux/init.h>: only what an emitted table uses. */
#ifndef DT_TEST_LINUX_INIT_H
#define DT_TEST_LINUX_INIT_H
#define __init
#endif
