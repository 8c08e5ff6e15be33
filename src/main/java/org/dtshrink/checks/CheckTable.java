package org.dtshrink.checks;

import static org.dtshrink.checks.CheckDef.error;
import static org.dtshrink.checks.CheckDef.off;
import static org.dtshrink.checks.CheckDef.warning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dtc's check table (Linux 6.12 scripts/dtc/checks.c, dtc 1.7.0), in dtc's order, which is the order checks run and
 * report in: each row's name, default level and prerequisites are dtc's. The rows' work lives in the classes named
 * after what they look at; most are called only at the nodes they concern ({@link #onlyWhere}).
 */
final class CheckTable {

    static final List<CheckDef> ROWS = rows();
    private static final Map<String, Integer> INDEX = index();

    private CheckTable() {
    }

    private static List<CheckDef> rows() {
        List<CheckDef> t = new ArrayList<>(List.of(
            error("duplicate_node_names", StructureChecks::duplicateNodeNames),
            error("duplicate_property_names", StructureChecks::duplicatePropertyNames),
            error("node_name_chars", StructureChecks.nodeNameChars(StructureChecks.NODECHARS)),
            error("node_name_format", StructureChecks::nodeNameFormat, "node_name_chars"),
            error("property_name_chars", StructureChecks::propertyNameChars),
            error("name_is_string", ValueChecks.isString("name")),
            error("name_properties", StructureChecks::nameProperties, "name_is_string"),
            warning("node_name_vs_property_name", StructureChecks::nodeNameVsPropertyName, "node_name_chars"),

            error("duplicate_label", LabelChecks::duplicateLabel),

            error("explicit_phandles", ReferenceFixups::explicitPhandles),
            error("phandle_references", ReferenceFixups::phandleReferences, "duplicate_node_names",
                    "explicit_phandles"),
            error("path_references", ReferenceFixups::pathReferences, "duplicate_node_names"),
            error("omit_unused_nodes", ReferenceFixups::omitUnusedNodes, "phandle_references", "path_references"),

            warning("address_cells_is_cell", ValueChecks.isCell("#address-cells")),
            warning("size_cells_is_cell", ValueChecks.isCell("#size-cells")),
            warning("device_type_is_string", ValueChecks.isString("device_type")),
            warning("model_is_string", ValueChecks.isString("model")),
            warning("status_is_string", ValueChecks.isString("status")),
            warning("label_is_string", ValueChecks.isString("label")),

            warning("compatible_is_string_list", ValueChecks.isStringList("compatible")),
            warning("names_is_string_list", ValueChecks::namesIsStringList),

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
            off("deprecated_gpio_property", ProviderChecks::deprecatedGpioProperty),
            warning("gpios_property", ProviderChecks::gpiosProperty, "phandle_references"),
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
        for (int i = 0; i < t.size(); i++) {
            CheckDef d = t.get(i);
            OnlyWhere only = onlyWhere(d.name(), d.fn());
            if (only != null) {
                t.set(i, new CheckDef(d.name(), d.warn(), d.error(), d.prereqs(), only));
            }
        }
        return List.copyOf(t);
    }

    /**
     * The nodes a row's check can do anything at, for the rows that return at once at most nodes: those that may
     * have one of some properties (as the index last read them) or one of some of its flags. The is-string,
     * is-cell and phandle-with-arguments checks say so themselves ({@link ValueChecks}, {@link ProviderChecks}).
     */
    private static OnlyWhere onlyWhere(String name, NodeCheck fn) {
        switch (name) {
            case "duplicate_node_names": return OnlyWhere.flagged(TreeIndex.REPEATED_CHILD, fn);
            case "duplicate_property_names": return OnlyWhere.flagged(TreeIndex.REPEATED_PROPERTY, fn);
            case "property_name_chars": return OnlyWhere.flagged(TreeIndex.BAD_PROP_CHARS, fn);
            case "name_properties": return OnlyWhere.flagged(TreeIndex.NAME_ANY, fn);
            case "duplicate_label":
                return OnlyWhere.flagged(TreeIndex.NODE_LABEL | TreeIndex.PROP_LABEL | TreeIndex.VALUE_LABEL, fn);
            case "phandle_references": return OnlyWhere.flagged(TreeIndex.PHANDLE_REF, fn);
            case "path_references": return OnlyWhere.flagged(TreeIndex.PATH_REF, fn);
            case "names_is_string_list": return OnlyWhere.flagged(TreeIndex.NAMES, fn);
            case "deprecated_gpio_property", "gpios_property": return OnlyWhere.flagged(TreeIndex.GPIO, fn);
            case "reg_format": return OnlyWhere.anyProperty(fn, Known.REG);
            case "ranges_format": return OnlyWhere.anyProperty(fn, Known.RANGES);
            case "dma_ranges_format": return OnlyWhere.anyProperty(fn, Known.DMA_RANGES);
            case "pci_bridge": return OnlyWhere.anyProperty(fn, Known.DEVICE_TYPE);
            case "simple_bus_bridge": return OnlyWhere.anyProperty(fn, Known.COMPATIBLE);
            case "avoid_default_addr_size": return OnlyWhere.anyProperty(fn, Known.REG, Known.RANGES);
            // these run only once addr_size_cells passed (their prerequisites), which recorded no #address-cells
            // (-1) for every node without the property: at those they return at once
            case "avoid_unnecessary_addr_size", "unique_unit_address", "unique_unit_address_if_enabled":
                return OnlyWhere.anyProperty(fn, Known.ADDRESS_CELLS);
            case "chosen_node_bootargs": return OnlyWhere.anyProperty(fn, Known.BOOTARGS);
            case "chosen_node_stdout_path":
                return OnlyWhere.anyProperty(fn, Known.STDOUT_PATH, Known.LINUX_STDOUT_PATH);
            case "interrupts_property": return OnlyWhere.anyProperty(fn, Known.INTERRUPTS);
            case "interrupt_provider":
                return OnlyWhere.anyProperty(fn, Known.INTERRUPT_CONTROLLER, Known.INTERRUPT_MAP,
                        Known.INTERRUPT_CELLS);
            case "interrupt_map": return OnlyWhere.anyProperty(fn, Known.INTERRUPT_MAP);
            default: return null;
        }
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
