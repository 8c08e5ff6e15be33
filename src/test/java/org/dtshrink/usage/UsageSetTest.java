package org.dtshrink.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Test;

class UsageSetTest {

    @Test
    void globs() {
        assertThat(Glob.of("pinctrl-[0-9]*").matches("pinctrl-0")).isTrue();
        assertThat(Glob.of("pinctrl-[0-9]*").matches("pinctrl-names")).isFalse();
        assertThat(Glob.of("*-supply").matches("vdd-supply")).isTrue();
        assertThat(Glob.of("st,?dc").matches("st,adc")).isTrue();
        assertThat(Glob.of("[!a]b").matches("ab")).isFalse();
        assertThat(Glob.of("a.b+c").matches("a.b+c")).isTrue();
        assertThat(Glob.of("a.b").matches("axb")).isFalse();
        assertThat(Glob.isPattern("#clock-cells")).isFalse();
    }

    @Test
    void coreSetReadsTheOfCoreProperties() {
        UsageSet core = CoreUsage.load();
        for (String name : new String[] {"compatible", "reg", "ranges", "#address-cells", "#size-cells", "status",
            "interrupts", "interrupt-parent", "pinctrl-0", "pinctrl-names"}) {
            assertThat(core.reader("/soc/x@0", name)).as(name).isNotNull();
        }
        assertThat(core.reader("/soc/x@0", "st,syscfg")).isNull();
        assertThat(core.reader("/chosen", "bootargs").text()).isEqualTo("/chosen");
        assertThat(core.reader("/reserved-memory/pool@0", "no-map").text()).isEqualTo("/reserved-memory");
        assertThat(core.reader("/chosenx", "bootargs")).isNull();
        assertThat(core.matcher("simple-bus")).isNotNull();
        assertThat(core.isFromKernelScan()).isFalse();
    }

    @Test
    void usageFileFormat() {
        UsageSet set = new UsageSet();
        UsageFile.parse("# comment\n\nst,syscfg  # trailing\n#clock-cells\ncompatible: st,stm32-*\n"
                + "subtree: /soc/ltdc@40016800/\n", "u.txt", "u.txt", set);
        assertThat(set.reader("/x", "st,syscfg").origins()).containsExactly("u.txt");
        assertThat(set.reader("/x", "#clock-cells")).isNotNull();
        assertThat(set.matcher("st,stm32-usart")).isNotNull();
        assertThat(set.reader("/soc/ltdc@40016800/port", "anything").text()).isEqualTo("/soc/ltdc@40016800");
        assertThatThrownBy(() -> UsageFile.parse("a b\n", "u.txt", "u", new UsageSet()))
                .isInstanceOf(DtException.class).hasMessage("u.txt:1:1: error: one name a line expected, found 'a b'");
    }

    @Test
    void quotedNames() {
        UsageSet set = new UsageSet();
        UsageFile.parse("compatible: \"Power Macintosh\"  # a model string\n\"ends#\"\n\"a # b\"\ncompatible: \"\"\n"
                + "subtree: \"/a b\"\n", "u.txt", "u.txt", set);
        assertThat(set.matcher("Power Macintosh")).isNotNull();
        assertThat(set.matcher("")).isNotNull();
        assertThat(set.reader("/x", "ends#")).isNotNull();
        assertThat(set.reader("/x", "a # b")).isNotNull();
        assertThat(set.reader("/a b/c", "x")).isNotNull();
        assertThatThrownBy(() -> UsageFile.parse("\"abc\n", "u.txt", "u", new UsageSet()))
                .isInstanceOf(DtException.class).hasMessage("u.txt:1:1: error: missing closing '\"'");
        assertThatThrownBy(() -> UsageFile.parse("\"a\" b\n", "u.txt", "u", new UsageSet()))
                .isInstanceOf(DtException.class).hasMessageContaining("one name a line expected");
        assertThat(UsageFile.spelling("st,adc")).isEqualTo("st,adc");
        assertThat(UsageFile.spelling("compatible:x")).isEqualTo("\"compatible:x\"");
        assertThat(UsageFile.spelling("x\"y")).isNull();
    }

    @Test
    void keepBeatsDropAndDropBeatsReaders() {
        UsageSet set = CoreUsage.load();
        set.addProperty("st,a", "f.c");
        set.addDrop("st,*");
        set.addKeep("st,b");
        assertThat(set.droppedBy("st,a")).isEqualTo("st,*");
        assertThat(set.droppedBy("st,b")).isNull();
        assertThat(set.reader("/", "st,b").origins()).containsExactly(UsageSet.KEEP_ORIGIN);
    }
}
