static inline int toy_dmas(struct device *dev)
{
	return PTR_ERR_OR_ZERO(dma_request_chan(dev, "rx"));
}
