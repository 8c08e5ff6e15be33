static int toy_reset(struct device *dev)
{
	return PTR_ERR_OR_ZERO(devm_reset_control_get(dev, "bus"));
}
TIMER_OF_DECLARE(toy_timer, "toy,timer", toy_timer_init);
