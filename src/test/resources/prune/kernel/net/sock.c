static int sock(struct device_node *np)
{
	return of_property_read_bool(np, "net,never");
}
