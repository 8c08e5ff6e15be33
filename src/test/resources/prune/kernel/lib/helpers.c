bool lib_flag(struct fwnode_handle *fw)
{
	return fwnode_property_read_bool(fw, "lib,flag");
}
