/* Test stand-in for the kernel's <linux/types.h>: the few types the device-tree structs use. */
#ifndef DT_TEST_LINUX_TYPES_H
#define DT_TEST_LINUX_TYPES_H

#include <stddef.h>

typedef unsigned int u32;
typedef unsigned short umode_t;
typedef long kernel_ssize_t;
typedef long long kernel_loff_t;

struct list_head {
	struct list_head *next, *prev;
};

struct kobject;

#endif
