#include <linux/of.h>
#include "toy-uart.h"
#include <linux/toy.h>

#define PROP_FIFO "toy,fifo-" \
	"depth"

static const struct of_device_id toy_uart_match[] = {
	{ .compatible = "toy,uart" },
	{ .compatible = "toy,uart-v2", .data = NULL },
	{}
};

static int toy_uart_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct device_node *companion;
	u32 depth;

	if (of_property_read_bool(np, "toy,hw-flow"))
		pr_info("flow\n");
	of_property_read_u32(np, PROP_FIFO, &depth);
	companion = of_parse_phandle(np, "toy,companion", 0);
	devm_clk_get(&pdev->dev, NULL);
	devm_gpiod_get_optional(&pdev->dev, "rts", GPIOD_OUT_LOW);
	return 0;
}
