static int unused(struct device_node *np)
{
	return of_property_read_bool(np, "composite,never");
}
