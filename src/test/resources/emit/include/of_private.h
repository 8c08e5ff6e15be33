/*
 * Test stand-in for the kernel's drivers/of/of_private.h as the kernel patch leaves it: what an emitted table uses
 * from it. of_node_property_read() is sysfs's read function for a property, which the test program defines.
 */
#ifndef DT_TEST_OF_PRIVATE_H
#define DT_TEST_OF_PRIVATE_H

#include <linux/of.h>

struct device_node *of_static_tree_root(void);

#ifdef CONFIG_OF_KOBJ
kernel_ssize_t of_node_property_read(struct file *filp, struct kobject *kobj, struct bin_attribute *bin_attr,
				     char *buf, kernel_loff_t offset, size_t count);
#endif

#endif
