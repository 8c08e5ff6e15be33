#include <linux/of.h>

static void __init alpha_init(void)
{
	if (of_machine_is_compatible("toy,alpha-rev2"))
		pr_info("rev2\n");
}
