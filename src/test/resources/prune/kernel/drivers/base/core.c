int base_max(struct device *dev, u32 *v)
{
	/* of_property_read_u32(np, "comment,never", v) is only a comment */
	return device_property_read_u32(dev, "base,max", v);
}
