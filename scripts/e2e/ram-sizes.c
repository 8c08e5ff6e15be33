// SPDX-License-Identifier: GPL-2.0
/*
 * Probe object for scripts/kernel-ram-figures: compiled with the command line the kernel build used for
 * drivers/of/platform.o, so every size is the configured kernel's own. Each figure is the size of an array
 * symbol, which `nm -S` prints; nothing here is ever linked or run.
 */
#include <linux/amba/bus.h>
#include <linux/device.h>
#include <linux/fwnode.h>
#include <linux/ioport.h>
#include <linux/kernfs.h>
#include <linux/kobject.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include "drivers/base/base.h"
#include "drivers/of/of_private.h"
#include "fs/proc/internal.h"

/* drivers/base/platform.c keeps this private: the device and its name in one allocation */
struct probe_platform_object {
	struct platform_device pdev;
	char name[];
};

/* drivers/base/core.c keeps this private: the directory a class's devices without a parent go under */
struct probe_class_dir {
	struct kobject kobj;
	const struct class *class;
};

#define SIZE(sym, type) char dtshrink_size_##sym[sizeof(type)]
#define ALIGN_OF(sym, type) char dtshrink_align_##sym[__alignof__(type)]
#define VALUE(sym, v) char dtshrink_value_##sym[v]

SIZE(device_node, struct device_node);
ALIGN_OF(device_node, struct device_node);
SIZE(property, struct property);
ALIGN_OF(property, struct property);
SIZE(alias_prop, struct alias_prop);
ALIGN_OF(alias_prop, struct alias_prop);
SIZE(kernfs_node, struct kernfs_node);
ALIGN_OF(kernfs_node, struct kernfs_node);
SIZE(xa_node, struct xa_node);
ALIGN_OF(xa_node, struct xa_node);
SIZE(platform_object, struct probe_platform_object);
SIZE(amba_device, struct amba_device);
SIZE(device_private, struct device_private);
SIZE(resource, struct resource);
SIZE(fwnode_link, struct fwnode_link);
SIZE(device_link, struct device_link);
SIZE(class_dir, struct probe_class_dir);
SIZE(kset, struct kset);
SIZE(pointer, void *);
VALUE(proc_dir_entry, SIZEOF_PDE);
VALUE(xa_chunk_size, XA_CHUNK_SIZE);
VALUE(kmalloc_min_size, KMALLOC_MIN_SIZE);
VALUE(kmalloc_shift_high, KMALLOC_SHIFT_HIGH);
VALUE(arch_slab_minalign, ARCH_SLAB_MINALIGN);
