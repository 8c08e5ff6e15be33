package org.dtshrink.checks;

import static org.dtshrink.checks.CheckDef.error;
import static org.dtshrink.checks.CheckDef.off;
import static org.dtshrink.checks.CheckDef.warning;
import static org.dtshrink.checks.OnlyWhere.flagged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dtc's check table (Linux 6.12 scripts/dtc/checks.c, dtc 1.7.0), in dtc's order, which is the order checks run and
 * report in: each row's name, default level and prerequisites are dtc's. The rows' work lives in the classes named
 * after what they look at. A check wrapped in {@link OnlyWhere} is called only at the nodes the index flags for it.
 */
final class CheckTable {

    private static final int ANY_LABEL = TreeIndex.NODE_LABEL | TreeIndex.PROP_LABEL | TreeIndex.VALUE_LABEL;
    static final List<CheckDef> ROWS = rows();
    private static final Map<String, Integer> INDEX = index();

    private CheckTable() {
    }

    private static List<CheckDef> rows() {
        List<CheckDef> t = new ArrayList<>(List.of(
            error("duplicate_node_names", flagged(TreeIndex.REPEATED_CHILD, StructureChecks::duplicateNodeNames)),
            error("duplicate_property_names",
                    flagged(TreeIndex.REPEATED_PROPERTY, StructureChecks::duplicatePropertyNames)),
            error("node_name_chars", StructureChecks.nodeNameChars(StructureChecks.NODECHARS)),
            error("node_name_format", StructureChecks::nodeNameFormat, "node_name_chars"),
            error("property_name_chars", flagged(TreeIndex.BAD_PROP_CHARS, StructureChecks::propertyNameChars)),
            error("name_is_string", ValueChecks.isString("name")),
            error("name_properties", flagged(TreeIndex.NAME_ANY, StructureChecks::nameProperties), "name_is_string"),
            warning("node_name_vs_property_name", StructureChecks::nodeNameVsPropertyName, "node_name_chars"),

            error("duplicate_label", flagged(ANY_LABEL, LabelChecks::duplicateLabel)),

            error("explicit_phandles", ReferenceFixups::explicitPhandles),
            error("phandle_references", flagged(TreeIndex.PHANDLE_REF, ReferenceFixups::phandleReferences),
                    "duplicate_node_names", "explicit_phandles"),
            error("path_references", flagged(TreeIndex.PATH_REF, ReferenceFixups::pathReferences),
                    "duplicate_node_names"),
            error("omit_unused_nodes", ReferenceFixups::omitUnusedNodes, "phandle_references", "path_references"),

            warning("address_cells_is_cell", ValueChecks.isCell("#address-cells")),
            warning("size_cells_is_cell", ValueChecks.isCell("#size-cells")),
            warning("device_type_is_string", ValueChecks.isString("device_type")),
            warning("model_is_string", ValueChecks.isString("model")),
            warning("status_is_string", ValueChecks.isString("status")),
            warning("label_is_string", ValueChecks.isString("label")),

            warning("compatible_is_string_list", ValueChecks.isStringList("compatible")),
            warning("names_is_string_list", flagged(TreeIndex.NAMES, ValueChecks::namesIsStringList)),

            off("property_name_chars_strict", StructureChecks::propertyNameCharsStrict),
            off("node_name_chars_strict", StructureChecks::nodeNameCharsStrict),

            warning("addr_size_cells", AddressChecks::addrSizeCells, "address_cells_is_cell", "size_cells_is_cell"),
            warning("reg_format", AddressChecks::regFormat, "addr_size_cells"),
            warning("ranges_format", AddressChecks.rangesFormat("ranges"), "addr_size_cells"),
            warning("dma_ranges_format", AddressChecks.rangesFormat("dma-ranges"), "addr_size_cells"),

            warning("unit_address_vs_reg", AddressChecks::unitAddressVsReg),
            warning("unit_address_format", AddressChecks::unitAddressFormat, "node_name_format", "pci_bridge",
                    "simple_bus_bridge"),

            warning("pci_bridge", BusChecks::pciBridge, "device_type_is_string", "addr_size_cells"),
            warning("pci_device_reg", BusChecks::pciDeviceReg, "reg_format", "pci_bridge"),
            warning("pci_device_bus_num", BusChecks::pciDeviceBusNum, "reg_format", "pci_bridge"),

            warning("simple_bus_bridge", BusChecks::simpleBusBridge, "addr_size_cells", "compatible_is_string_list"),
            warning("simple_bus_reg", BusChecks::simpleBusReg, "reg_format", "simple_bus_bridge"),

            warning("i2c_bus_bridge", BusChecks::i2cBusBridge, "addr_size_cells"),
            warning("i2c_bus_reg", BusChecks::i2cBusReg, "reg_format", "i2c_bus_bridge"),

            warning("spi_bus_bridge", BusChecks::spiBusBridge, "addr_size_cells"),
            warning("spi_bus_reg", BusChecks::spiBusReg, "reg_format", "spi_bus_bridge"),

            warning("avoid_default_addr_size", AddressChecks::avoidDefaultAddrSize, "addr_size_cells"),
            warning("avoid_unnecessary_addr_size", AddressChecks::avoidUnnecessaryAddrSize,
                    "avoid_default_addr_size"),
            warning("unique_unit_address", AddressChecks.uniqueUnitAddress(false), "avoid_default_addr_size"),
            off("unique_unit_address_if_enabled", AddressChecks.uniqueUnitAddress(true), "avoid_default_addr_size"),
            warning("obsolete_chosen_interrupt_controller", ChosenChecks::obsoleteChosenInterruptController),
            warning("chosen_node_is_root", ChosenChecks::chosenNodeIsRoot),
            warning("chosen_node_bootargs", ChosenChecks::chosenNodeBootargs),
            warning("chosen_node_stdout_path", ChosenChecks::chosenNodeStdoutPath)));

        for (String[] p : Known.PROVIDERS) {
            boolean optional = p.length > 3;
            t.add(warning(p[0] + "_property", ProviderChecks.provider(p[1], p[2], optional), p[0] + "_is_cell",
                    "phandle_references"));
            t.add(warning(p[0] + "_is_cell", ValueChecks.isCell(p[2])));
        }

        t.addAll(List.of(
            off("deprecated_gpio_property", flagged(TreeIndex.GPIO, ProviderChecks::deprecatedGpioProperty)),
            warning("gpios_property", flagged(TreeIndex.GPIO, ProviderChecks::gpiosProperty), "phandle_references"),
            // dtc lists phandle_references as this check's data, not as its prerequisite, so it has none
            warning("interrupts_property", InterruptChecks::interruptsProperty),
            warning("interrupt_provider", InterruptChecks::interruptProvider, "interrupts_extended_is_cell"),
            warning("interrupt_map", InterruptChecks::interruptMap, "phandle_references", "addr_size_cells",
                    "interrupt_provider"),

            warning("alias_paths", ChosenChecks::aliasPaths),

            warning("graph_nodes", GraphChecks::graphNodes),
            warning("graph_child_address", GraphChecks::graphChildAddress, "graph_nodes", "graph_port",
                    "graph_endpoint"),
            warning("graph_port", GraphChecks::graphPort, "graph_nodes"),
            warning("graph_endpoint", GraphChecks::graphEndpoint, "graph_nodes"),

            off("always_fail", (run, node) -> run.fail(node, "always_fail check"))));
        return List.copyOf(t);
    }

    private static Map<String, Integer> index() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < ROWS.size(); i++) {
            m.put(ROWS.get(i).name(), i);
        }
        for (CheckDef d : ROWS) {
            for (String p : d.prereqs()) {
                if (!m.containsKey(p)) {
                    throw new IllegalStateException(d.name() + ": no check " + p);
                }
            }
        }
        return m;
    }

    /** The row of a check by name, or -1. */
    static int indexOf(String name) {
        Integer i = INDEX.get(name);
        return i == null ? -1 : i;
    }

    static int[] prereqIndexes(CheckDef d) {
        int[] out = new int[d.prereqs().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = INDEX.get(d.prereqs().get(i));
        }
        return out;
    }
}
