static const struct of_device_id toy_i2c_match[] = {
	{ .compatible = "toy,i2c" },
	{}
};

static int toy_i2c_probe(struct device *dev)
{
	struct regulator *vdd = devm_regulator_get(dev, "vdd");
	static struct regulator_bulk_data supplies[] = { { .supply = "vio" } };

	return IS_ERR(vdd);
}
