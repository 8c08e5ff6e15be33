/*
 * Test stand-in for the kernel's <linux/kobject.h>: struct kobject as Linux 6.12 and 4.13 define it (the two agree
 * for the fields that exist without CONFIG_DEBUG_KOBJECT_RELEASE), and kobject_init(), which the test program
 * defines.
 */
#ifndef DT_TEST_LINUX_KOBJECT_H
#define DT_TEST_LINUX_KOBJECT_H

#include <linux/types.h>

struct kset;
struct kernfs_node;

struct kobj_type {
	void (*release)(struct kobject *kobj);
};

struct kref {
	int refcount;
};

struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	struct kset *kset;
	const struct kobj_type *ktype;
	struct kernfs_node *sd;
	struct kref kref;
	unsigned int state_initialized:1;
	unsigned int state_in_sysfs:1;
	unsigned int state_add_uevent_sent:1;
	unsigned int state_remove_uevent_sent:1;
	unsigned int uevent_suppress:1;
};

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);

#endif
