/* Test stand-in for the kernel's <linux/types.h>: the few types the device-tree structs and tables use. */
#ifndef DT_TEST_LINUX_TYPES_H
#define DT_TEST_LINUX_TYPES_H

#include <stddef.h>

typedef unsigned char u8;
typedef unsigned int u32;
typedef u32 __be32;
typedef unsigned short umode_t;
typedef long kernel_ssize_t;
typedef long long kernel_loff_t;

#define __aligned(x) __attribute__((__aligned__(x)))

struct list_head {
	struct list_head *next, *prev;
};

struct kobject;

#endif
