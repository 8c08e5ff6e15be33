/*
 * Walks emitted device-tree tables the way the kernel's iterators do (__of_find_all_nodes(),
 * for_each_property_of_node()) and prints the canonical dump dtshrink's UnflattenedDump prints for the same tree.
 * Anything of_node_init() or the links should have set and did not is printed as an ERROR line, which no dump has.
 *
 * The tables are linked in together, each with its own root function; dt_roots[] (generated beside this file)
 * lists them in order.
 */
#include <stdio.h>
#include <string.h>
#include <linux/of.h>
#include "of_private.h"

extern struct device_node *(*const dt_roots[])(void);
extern const unsigned int dt_root_count;

const struct fwnode_operations of_fwnode_ops;

#if defined(CONFIG_OF_KOBJ) && !defined(DT_LINUX_4_13)
/* drivers/of/kobj.c: only its address matters here */
kernel_ssize_t of_node_property_read(struct file *filp, struct kobject *kobj, struct bin_attribute *bin_attr,
				     char *buf, kernel_loff_t offset, size_t count)
{
	(void)filp;
	(void)kobj;
	(void)bin_attr;
	(void)buf;
	(void)offset;
	(void)count;
	return 0;
}

/*
 * The sysfs attribute Linux 6.12's __of_add_property_sysfs() gives each property, which the patched kernel takes as
 * the table has it: safe_name()'s file name (the property's, or "name#N" while the directory has a file of that
 * name), 0444 and the value's length, or 0400 and 0 for a security-* name, and of_node_property_read().
 */
/* Whether a property before @upto already has the file @name */
static int file_taken(const struct device_node *np, const struct property *upto, const char *name)
{
	const struct property *q;

	for (q = np->properties; q != upto; q = q->next)
		if (!strcmp(q->attr.attr.name, name))
			return 1;
	return 0;
}

static void check_attributes(const struct device_node *np)
{
	const struct property *pp;

	for (pp = np->properties; pp; pp = pp->next) {
		int secure = !strncmp(pp->name, "security-", 9);
		char expect[512];
		int i;

		snprintf(expect, sizeof(expect), "%s", pp->name);
		/* safe_name(): while (i < 16 && taken) name = "%s#%i" of ++i */
		for (i = 0; i < 16 && file_taken(np, pp, expect);)
			snprintf(expect, sizeof(expect), "%s#%d", pp->name, ++i);
		if (strcmp(pp->attr.attr.name, expect))
			printf("ERROR %s: sysfs name %s, not %s\n", pp->name, pp->attr.attr.name, expect);
		if (pp->attr.attr.mode != (secure ? 0400 : 0444) || pp->attr.size != (size_t)(secure ? 0 : pp->length))
			printf("ERROR %s: sysfs mode 0%o size %zu\n", pp->name, pp->attr.attr.mode, pp->attr.size);
		if (pp->attr.read != of_node_property_read || pp->attr.write || pp->attr.mmap || pp->attr.private)
			printf("ERROR %s: sysfs functions\n", pp->name);
	}
}
#else
static void check_attributes(const struct device_node *np)
{
	(void)np;
}
#endif

#ifdef CONFIG_OF_KOBJ
#ifdef DT_LINUX_4_13
struct kobj_type of_node_ktype;
#else
const struct kobj_type of_node_ktype;
#endif
static unsigned long kobject_inits;

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	if (kobj->state_initialized)
		printf("ERROR kobject initialized twice\n");
	kobj->ktype = ktype;
	kobj->state_initialized = 1;
	kobject_inits++;
}
#endif

/* drivers/of/base.c */
struct device_node *__of_find_all_nodes(struct device_node *prev)
{
	struct device_node *np;

	if (!prev)
		return NULL;
	if (prev->child)
		return prev->child;
	np = prev;
	while (np->parent && !np->sibling)
		np = np->parent;
	return np->sibling;
}

static const struct device_node *next_node(const struct device_node *prev, const struct device_node *root)
{
	const struct device_node *np;

	if (!prev)
		return root;
	if (prev->child)
		return prev->child;
	np = prev;
	while (np->parent && !np->sibling)
		np = np->parent;
	return np->sibling;
}

static void print_path(const struct device_node *np)
{
#ifdef DT_LINUX_4_13
	fputs(np->full_name, stdout);
#else
	const struct device_node *chain[256];
	int n = 0;

	if (!np->parent) {
		fputs("/", stdout);
		return;
	}
	for (; np->parent; np = np->parent) {
		if (n == 256) {
			printf("ERROR too deep");
			return;
		}
		chain[n++] = np;
	}
	while (n > 0)
		printf("/%s", chain[--n]->full_name);
#endif
}

static const struct property *first_named(const struct device_node *np, const char *name)
{
	const struct property *pp;

	for (pp = np->properties; pp; pp = pp->next)
		if (!strcmp(pp->name, name))
			return pp;
	return NULL;
}

static void check(const struct device_node *np)
{
	const struct device_node *c;
	const struct property *name = first_named(np, "name");

	if (np->fwnode.ops != &of_fwnode_ops)
		printf("ERROR fwnode.ops\n");
#ifdef DT_LINUX_4_13
	if (np->fwnode.type != FWNODE_OF)
		printf("ERROR fwnode.type\n");
#else
	if (np->fwnode.suppliers.next != &np->fwnode.suppliers || np->fwnode.suppliers.prev != &np->fwnode.suppliers
	    || np->fwnode.consumers.next != &np->fwnode.consumers
	    || np->fwnode.consumers.prev != &np->fwnode.consumers)
		printf("ERROR fwnode list heads\n");
	if (np->fwnode.secondary || np->fwnode.dev || np->fwnode.flags)
		printf("ERROR fwnode fields\n");
#endif
#ifdef CONFIG_OF_KOBJ
	if (np->kobj.ktype != &of_node_ktype || !np->kobj.state_initialized)
		printf("ERROR kobject not initialized\n");
#endif
	if (np->_flags || np->data || np->deadprops)
		printf("ERROR _flags, data or deadprops\n");
	if (!name || np->name != name->value)
		printf("ERROR name is not the value of the first name property\n");
	for (c = np->child; c; c = c->sibling)
		if (c->parent != np)
			printf("ERROR child with another parent\n");
	check_attributes(np);
}

static void dump(const struct device_node *root)
{
	const struct device_node *np;
	const struct property *pp;
	int i;

	for (np = next_node(NULL, root); np; np = next_node(np, root)) {
		check(np);
		fputs("node ", stdout);
		print_path(np);
		printf("\n full_name %s\n name %s\n", np->full_name, np->name);
#ifdef DT_LINUX_4_13
		printf(" type %s\n", np->type);
#endif
		printf(" phandle 0x%x\n", np->phandle);
		for (pp = np->properties; pp; pp = pp->next) {
			printf(" prop %s %d ", pp->name, pp->length);
			if (!pp->length)
				fputs("-", stdout);
			if (!pp->value)
				printf("ERROR value is NULL");
			for (i = 0; i < pp->length; i++)
				printf("%02x", ((const unsigned char *)pp->value)[i]);
			fputs("\n", stdout);
		}
	}
}

int main(void)
{
	unsigned int t;

	for (t = 0; t < dt_root_count; t++) {
		const struct device_node *root;
#ifdef CONFIG_OF_KOBJ
		unsigned long nodes = 0;
		const struct device_node *np;

		kobject_inits = 0;
#endif
		root = dt_roots[t]();
		printf("== table %u\n", t);
		dump(root);
#ifdef CONFIG_OF_KOBJ
		for (np = next_node(NULL, root); np; np = next_node(np, root))
			nodes++;
		if (nodes != kobject_inits)
			printf("ERROR %lu nodes, %lu kobject_init calls\n", nodes, kobject_inits);
#endif
	}
	return 0;
}
