static int __init toy_early(struct earlycon_device *dev, const char *opt)
{
	const void *baud = of_get_flat_dt_prop(dev->node, "toy,early-baud", NULL);

	return baud ? 0 : -ENODEV;
}
OF_EARLYCON_DECLARE(toy, "toy,uart-early", toy_early);
