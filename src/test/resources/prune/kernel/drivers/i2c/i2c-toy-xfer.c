static int toy_i2c_speed(struct device *dev, u32 *hz)
{
	return device_property_read_u32(dev, "clock-frequency", hz);
}
