#include <linux/of.h>

static int __init toy_intc_init(struct device_node *np, struct device_node *parent)
{
	u32 n;

	return of_property_read_u32(np, "toy,irq-count", &n);
}
IRQCHIP_DECLARE(toy_intc, "toy,intc", toy_intc_init);
