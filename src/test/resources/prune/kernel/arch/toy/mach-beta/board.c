static int beta(struct device_node *np)
{
	return of_property_read_bool(np, "beta,never");
}
