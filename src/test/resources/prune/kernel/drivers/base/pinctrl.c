char *state_name(int state)
{
	char *s = kasprintf(GFP_KERNEL, "pinctrl-%d", state);
	pr_info("state %d of %s\n", state, "not,a-name");
	return s;
}
