package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attributes Linux 6.12's __of_add_property_sysfs() and safe_name() (drivers/of/kobj.c) give properties. */
class SysfsAttributesTest {

    private static KernelProperty prop(String name, int length) {
        return new KernelProperty(name.getBytes(StandardCharsets.US_ASCII), new byte[length], false, List.of());
    }

    private static List<String> names(SysfsAttributes.Attribute[] attrs) {
        List<String> out = new ArrayList<>();
        for (SysfsAttributes.Attribute a : attrs) {
            out.add(new String(a.name(), StandardCharsets.US_ASCII));
        }
        return out;
    }

    @Test
    void aFileIsNamedAfterItsPropertyWithModeAndSizeOfTheValue() {
        SysfsAttributes.Attribute[] a = SysfsAttributes.of(List.of(prop("compatible", 12), prop("name", 5)));
        assertThat(names(a)).containsExactly("compatible", "name");
        assertThat(a[0].mode()).isEqualTo(0444);
        assertThat(a[0].size()).isEqualTo(12);
        assertThat(a[1].size()).isEqualTo(5);
        assertThat(a[0].renamed("compatible".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void securityPropertiesAreReadableByRootOnlyAndShowNoSize() {
        // "Don't leak passwords": strncmp(pp->name, "security-", 9) == 0
        SysfsAttributes.Attribute[] a = SysfsAttributes.of(List.of(prop("security-key", 16), prop("security", 4),
                prop("xsecurity-key", 4)));
        assertThat(a[0].mode()).isEqualTo(0400);
        assertThat(a[0].size()).isZero();
        assertThat(a[1].mode()).isEqualTo(0444);
        assertThat(a[1].size()).isEqualTo(4);
        assertThat(a[2].mode()).isEqualTo(0444);
    }

    @Test
    void aNameTheDirectoryHasGetsTheFirstFreeSuffix() {
        // a blob can repeat a property name; safe_name() tries name, name#1, name#2, ...
        SysfsAttributes.Attribute[] a = SysfsAttributes.of(List.of(prop("x", 4), prop("x#1", 4), prop("x", 4),
                prop("x", 4)));
        assertThat(names(a)).containsExactly("x", "x#1", "x#2", "x#3");
        assertThat(a[2].renamed("x".getBytes(StandardCharsets.US_ASCII))).isTrue();
    }

    @Test
    void afterSixteenTriesTheLastNameIsKeptEvenIfTaken() {
        // while (i < 16 && sysfs_get_dirent(...)) name = kasprintf("%s#%i", orig, ++i): "x#16" is not checked
        List<KernelProperty> props = new ArrayList<>();
        props.add(prop("x", 1));
        for (int i = 1; i <= 16; i++) {
            props.add(prop("x#" + i, 1));
        }
        props.add(prop("x", 1));
        SysfsAttributes.Attribute[] a = SysfsAttributes.of(props);
        assertThat(names(a).get(17)).isEqualTo("x#16");
    }
}
