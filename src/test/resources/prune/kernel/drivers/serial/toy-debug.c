static int dbg(struct device_node *np)
{
	return of_property_read_bool(np, "debug,never");
}
