static inline bool toy_use_dma(struct device_node *np)
{
	return of_property_read_bool(np, "toy,use-dma");
}
