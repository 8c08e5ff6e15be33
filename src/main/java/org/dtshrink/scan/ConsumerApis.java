package org.dtshrink.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The kernel's consumer APIs that read properties whose names they derive: a call to one of them makes its
 * subsystem's properties read. {@code gpiod_get(dev, "reset", ...)} reads {@code reset-gpios} and {@code reset-gpio}
 * (and {@code gpios}/{@code gpio} for a NULL name); {@code regulator_get(dev, "vdd")} reads {@code vdd-supply}; the
 * others read a fixed list property and its {@code *-names}. The subsystems' own code, when built, names the same
 * properties directly (the clock core's of_parse_phandle_with_args(np, "clocks", ...)); the table makes the
 * consumer's use count even when that code is read from elsewhere.
 */
final class ConsumerApis {

    /** One API family: the functions, the suffixes a literal argument gets, and the fixed names a call reads. */
    record Api(Pattern functions, List<String> suffixes, List<String> whenNull, List<String> fixed) {
    }

    private static final List<Api> APIS = List.of(
            api("(devm_)?(fwnode_|of_)?gpiod_get\\w*|(devm_)?gpiod_count|devm_fwnode_gpiod_get\\w*"
                    + "|(devm_)?gpiod_get_array\\w*|fwnode_gpiod_get_index",
                    List.of("-gpios", "-gpio"), List.of("gpios", "gpio")),
            api("(devm_)?regulator_get\\w*|devm_regulator_get_enable\\w*|(devm_)?regulator_get_optional"
                    + "|of_regulator_get\\w*", List.of("-supply"), List.of()),
            fixed("(devm_)?clk_get\\w*|of_clk_get\\w*|(devm_)?clk_bulk_get\\w*|devm_clk_get_\\w+"
                    + "|(devm_)?of_clk_get_by_name", "clocks", "clock-names"),
            fixed("(devm_|of_)?reset_control_\\w*get\\w*|__(devm_)?reset_control_get\\w*", "resets", "reset-names"),
            fixed("(devm_)?(of_)?phy_get\\w*|(devm_)?phy_optional_get", "phys", "phy-names"),
            fixed("dma_request_chan\\w*|dma_request_slave_channel\\w*|of_dma_request_slave_channel",
                    "dmas", "dma-names"),
            fixed("(devm_)?(of_|fwnode_)?pwm_get\\w*", "pwms", "pwm-names"),
            fixed("mbox_request_channel\\w*", "mboxes", "mbox-names"),
            fixed("(devm_)?(of_)?nvmem_cell_get\\w*|nvmem_cell_read_\\w+", "nvmem-cells", "nvmem-cell-names"),
            fixed("(devm_)?(of_)?nvmem_device_get\\w*", "nvmem", "nvmem-names"),
            fixed("(devm_)?(fwnode_)?iio_channel_get\\w*", "io-channels", "io-channel-names"),
            fixed("(devm_)?of_icc_get\\w*|(devm_)?icc_get\\w*", "interconnects", "interconnect-names"),
            fixed("(dev_pm|genpd_dev_pm)_domain_attach\\w*|dev_pm_domain_attach_list", "power-domains",
                    "power-domain-names"),
            fixed("(devm_)?pinctrl_get\\w*|pinctrl_lookup_state|pinctrl_pm_select_\\w+|pinctrl_select_default_state",
                    "pinctrl-[0-9]*", "pinctrl-names"),
            fixed("(devm_)?mux_control_get\\w*|(devm_)?mux_state_get\\w*", "mux-controls", "mux-control-names",
                    "mux-states", "mux-state-names"),
            fixed("(devm_)?of_hwspin_lock_get_id\\w*", "hwlocks", "hwlock-names"),
            fixed("(devm_)?mbox_request_channel_byname", "mboxes", "mbox-names"));

    private ConsumerApis() {
    }

    private static Api api(String regex, List<String> suffixes, List<String> whenNull) {
        return new Api(Pattern.compile(regex), suffixes, whenNull, List.of());
    }

    private static Api fixed(String regex, String... names) {
        return new Api(Pattern.compile(regex), List.of(), List.of(), List.of(names));
    }

    /** The family a function belongs to, or null. */
    static Api find(String function) {
        for (Api a : APIS) {
            if (a.functions().matcher(function).matches()) {
                return a;
            }
        }
        return null;
    }

    /** The names a call reads, given its string arguments and whether one argument is NULL. */
    static List<String> names(Api api, List<String> literals, boolean nullArgument) {
        List<String> out = new ArrayList<>(api.fixed());
        if (!api.suffixes().isEmpty()) {
            for (String l : literals) {
                for (String s : api.suffixes()) {
                    out.add(l + s);
                }
            }
            if (nullArgument || literals.isEmpty()) {
                // a name given at run time: for gpios the kernel also tries the bare names; for any other name keep
                // every property of the family (err towards keeping)
                out.addAll(api.whenNull());
                if (!nullArgument) {
                    for (String s : api.suffixes()) {
                        out.add("*" + s);
                    }
                }
            }
        }
        return out;
    }
}
