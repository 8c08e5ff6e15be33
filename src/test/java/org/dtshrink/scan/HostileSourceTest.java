package org.dtshrink.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a source tree holds, the scan finishes without a crash, a hang or a deep recursion. */
class HostileSourceTest {

    @Test
    void randomAndDeeplyNestedCSource() {
        Random rnd = new Random(42);
        String alphabet = "of_property_read_u32(\"\\'/*//\n#define X \"y\"\n,;{}[]().compatible=";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(400);
            for (int j = 0; j < n; j++) {
                sb.append(rnd.nextInt(8) == 0 ? (char) rnd.nextInt(256) : alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            CSourceScanner.scan(sb.toString());
        }
        String deep = "of_property_read_bool(np, " + "(".repeat(200_000) + "\"x\"" + ")".repeat(200_000) + ");";
        assertThat(CSourceScanner.scan(deep).properties()).containsKey("x");
        assertThat(CSourceScanner.scan("\"unterminated\n/* open comment").properties()).isEmpty();
    }

    @Test
    void randomAndDeeplyNestedMakefiles() {
        KernelConfig cfg = KernelConfig.parse("CONFIG_A=y\n", "c");
        Random rnd = new Random(7);
        String alphabet = "obj-$(CONFIG_A) += x.o dir/ $(patsubst %,%,$(y))\\\nifeq (,)\nelse\nendif\n:=+=?=#{}";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(300);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            new KbuildMakefile(cfg, Map.of()).evaluate(sb.toString());
        }
        KbuildMakefile deep = new KbuildMakefile(cfg, Map.of());
        deep.evaluate("obj-y := " + "$(a".repeat(50_000) + ")".repeat(50_000) + " ok.o\n"
                + "r = $(r) x\nobj-y += $(r)\n");
        // unknown text and a variable that refers to itself both end as unresolved words: the walk then keeps more
        assertThat(deep.words("obj-y")).contains(KbuildMakefile.UNRESOLVED, "ok.o").hasSizeLessThan(100);
    }
}
