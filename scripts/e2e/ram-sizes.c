// SPDX-License-Identifier: GPL-2.0
/*
 * Probe object for scripts/e2e-qemu-ram: compiled with the command line the kernel build used for
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
#include <linux/xarray.h>
#include "../../drivers/base/base.h"
#include "../../drivers/of/of_private.h"

/* drivers/base/platform.c keeps this private: the device and its name in one allocation */
struct probe_platform_object {
	struct platform_device pdev;
	char name[];
};

#define SIZE(sym, type) char dtshrink_size_##sym[sizeof(type)]
#define ALIGN_OF(sym, type) char dtshrink_align_##sym[__alignof__(type)]

SIZE(device_node, struct device_node);
ALIGN_OF(device_node, struct device_node);
SIZE(property, struct property);
ALIGN_OF(property, struct property);
SIZE(alias_prop, struct alias_prop);
ALIGN_OF(alias_prop, struct alias_prop);
SIZE(kernfs_node, struct kernfs_node);
SIZE(xa_node, struct xa_node);
SIZE(platform_object, struct probe_platform_object);
SIZE(amba_device, struct amba_device);
SIZE(device_private, struct device_private);
SIZE(resource, struct resource);
SIZE(fwnode_link, struct fwnode_link);
SIZE(device_link, struct device_link);
SIZE(kset, struct kset);
char dtshrink_value_xa_chunk_size[XA_CHUNK_SIZE];
char dtshrink_value_kmalloc_min_size[KMALLOC_MIN_SIZE];
char dtshrink_value_arch_slab_minalign[ARCH_SLAB_MINALIGN];
