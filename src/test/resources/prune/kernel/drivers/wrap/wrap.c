static const char *const wrap_names[] = { "wrap,mode", "wrap,speed" };

static int wrap_read(struct device_node *np, const char *name, u32 *v)
{
	return of_property_read_u32(np, name, v);
}

static const char *wrap_label = "Wrapped device";
