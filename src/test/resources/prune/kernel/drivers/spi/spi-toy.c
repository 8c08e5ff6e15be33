static const struct of_device_id toy_spi_match[] = {
	{ .compatible = "toy,spi" },
	{}
};
static int spi(struct device_node *np)
{
	return of_property_read_bool(np, "spi,never");
}
