static int none(struct device_node *np)
{
	return of_property_read_bool(np, "none,never");
}
