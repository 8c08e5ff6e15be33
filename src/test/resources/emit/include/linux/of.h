/*
 * Test stand-in for the kernel's <linux/of.h>: struct device_node and struct property with the fields and order of
 * Linux 6.12 (include/linux/of.h, fwnode.h, kobject.h, sysfs.h), chosen by the same CONFIG_OF_KOBJ and
 * CONFIG_OF_DYNAMIC switches, or of Linux 4.13 with DT_LINUX_4_13. Built with gcc -m32 for 32-bit kernels and
 * natively (LP64, like arm64) for 64-bit ones.
 */
#ifndef DT_TEST_LINUX_OF_H
#define DT_TEST_LINUX_OF_H

#include <linux/types.h>
#ifdef DT_LINUX_4_13
#define CONFIG_OF_KOBJ 1
#endif
#ifdef CONFIG_OF_KOBJ
#include <linux/kobject.h>
#endif

typedef u32 phandle;

struct fwnode_operations {
	int unused;
};
struct device;
struct file;
struct address_space;
struct vm_area_struct;

#ifdef DT_LINUX_4_13
enum fwnode_type {
	FWNODE_INVALID = 0,
	FWNODE_OF,
	FWNODE_ACPI,
	FWNODE_ACPI_DATA,
	FWNODE_ACPI_STATIC,
	FWNODE_PDATA,
	FWNODE_IRQCHIP
};

struct fwnode_handle {
	enum fwnode_type type;
	struct fwnode_handle *secondary;
	const struct fwnode_operations *ops;
};
#else
struct fwnode_handle {
	struct fwnode_handle *secondary;
	const struct fwnode_operations *ops;
	struct device *dev;
	struct list_head suppliers;
	struct list_head consumers;
	unsigned long flags;
};
#endif

struct attribute {
	const char *name;
	umode_t mode;
};

struct bin_attribute {
	struct attribute attr;
	size_t size;
	void *private;
#ifndef DT_LINUX_4_13
	struct address_space *(*f_mapping)(void);
#endif
	kernel_ssize_t (*read)(struct file *, struct kobject *, struct bin_attribute *, char *, kernel_loff_t, size_t);
	kernel_ssize_t (*write)(struct file *, struct kobject *, struct bin_attribute *, char *, kernel_loff_t, size_t);
#ifndef DT_LINUX_4_13
	kernel_loff_t (*llseek)(struct file *, struct kobject *, struct bin_attribute *, kernel_loff_t, int);
#endif
	int (*mmap)(struct file *, struct kobject *, struct bin_attribute *attr, struct vm_area_struct *vma);
};

struct property {
	char *name;
	int length;
	void *value;
	struct property *next;
#if defined(DT_LINUX_4_13)
	unsigned long _flags;
	unsigned int unique_id;
#elif defined(CONFIG_OF_DYNAMIC)
	unsigned long _flags;
#endif
#ifdef CONFIG_OF_KOBJ
	struct bin_attribute attr;
#endif
};

struct device_node {
	const char *name;
#ifdef DT_LINUX_4_13
	const char *type;
#endif
	phandle phandle;
	const char *full_name;
	struct fwnode_handle fwnode;

	struct property *properties;
	struct property *deadprops;
	struct device_node *parent;
	struct device_node *child;
	struct device_node *sibling;
#ifdef CONFIG_OF_KOBJ
	struct kobject kobj;
#endif
	unsigned long _flags;
	void *data;
};

#ifdef CONFIG_OF_KOBJ
#ifdef DT_LINUX_4_13
extern struct kobj_type of_node_ktype;
#else
extern const struct kobj_type of_node_ktype;
#endif
#endif
extern const struct fwnode_operations of_fwnode_ops;

/* include/linux/of.h: the kernel's iterator over every node, which the test program defines */
struct device_node *__of_find_all_nodes(struct device_node *prev);

/* of_node_init() as include/linux/of.h (and fwnode_init() as include/linux/fwnode.h) define it */
static inline void of_node_init(struct device_node *node)
{
#ifdef CONFIG_OF_KOBJ
	kobject_init(&node->kobj, &of_node_ktype);
#endif
#ifdef DT_LINUX_4_13
	node->fwnode.type = FWNODE_OF;
	node->fwnode.ops = &of_fwnode_ops;
#else
	node->fwnode.secondary = NULL;
	node->fwnode.ops = &of_fwnode_ops;
	node->fwnode.dev = NULL;
	node->fwnode.consumers.next = node->fwnode.consumers.prev = &node->fwnode.consumers;
	node->fwnode.suppliers.next = node->fwnode.suppliers.prev = &node->fwnode.suppliers;
	node->fwnode.flags = 0;
#endif
}

#endif
