static int misc(struct device_node *np)
{
	return of_property_read_bool(np, "misc,never");
}
