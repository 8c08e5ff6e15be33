package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelProfilesTest {

    static final String VALID = String.join("\n",
            "# a comment",
            "name = mine",
            "description = my board",
            "note = measured by me",
            "device_node.size = 0x6c",
            "device_node.align = 4",
            "property.size = 56",
            "property.align = 4",
            "of_kobj = y",
            "of_dynamic = y",
            "full_name = name",
            "skip_disabled = n",
            "depth_limit = 63",
            "page_size = 4096",
            "");

    @Test
    void theShippedProfilesHoldTheMeasuredFigures() {
        assertThat(KernelProfiles.names()).containsExactly("linux-6.12-arm-stm32", "linux-6.12-arm-mps2",
                "linux-6.12-arm-tiny", "linux-6.12-arm64", "linux-4.13-arm-stm32");
        assertThat(KernelProfiles.all()).extracting(p -> p.name() + " " + p.nodeSize() + "/" + p.nodeAlign() + " "
                + p.propertySize() + "/" + p.propertyAlign() + " kobj=" + p.ofKobj() + " dyn=" + p.ofDynamic() + " "
                + p.fullName() + " skip=" + p.skipDisabled() + " depth=" + p.depthLimit() + " page=" + p.pageSize())
                .containsExactly(
                        "linux-6.12-arm-stm32 108/4 56/4 kobj=y dyn=true NAME skip=false depth=63 page=4096",
                        "linux-6.12-arm-mps2 108/4 52/4 kobj=y dyn=false NAME skip=false depth=63 page=4096",
                        "linux-6.12-arm-tiny 72/4 16/4 kobj=n dyn=false NAME skip=true depth=63 page=4096",
                        "linux-6.12-arm64 208/8 112/8 kobj=y dyn=true NAME skip=false depth=63 page=4096",
                        "linux-4.13-arm-stm32 92/4 52/4 kobj=always dyn=false PATH skip=false depth=64 page=4096");
        assertThat(KernelProfiles.all()).allSatisfy(p -> assertThat(p.note()).contains("pahole"));
        assertThat(KernelProfiles.find("nope")).isNull();
        assertThat(KernelProfiles.find(KernelProfiles.DEFAULT)).isNotNull();
    }

    @Test
    void aUsersProfileFileIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.properties");
        Files.writeString(f, VALID);
        KernelProfile p = KernelProfiles.load(f);
        assertThat(p).isEqualTo(new KernelProfile("mine", "my board", "measured by me", 108, 4, 56, 4, "y", true,
                FullName.NAME, false, 63, 4096));
    }

    @Test
    void aCommandLineSelectsProfiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.properties");
        Files.writeString(f, VALID);
        assertThat(KernelProfiles.select(List.of(), List.of(), false)).extracting(KernelProfile::name)
                .containsExactly("linux-6.12-arm-stm32");
        assertThat(KernelProfiles.select(List.of("linux-6.12-arm64", "linux-6.12-arm-tiny"), List.of(f), false))
                .extracting(KernelProfile::name).containsExactly("linux-6.12-arm64", "linux-6.12-arm-tiny", "mine");
        assertThat(KernelProfiles.select(List.of(), List.of(f), true)).extracting(KernelProfile::name)
                .containsExactly("linux-6.12-arm-stm32", "linux-6.12-arm-mps2", "linux-6.12-arm-tiny",
                        "linux-6.12-arm64", "linux-4.13-arm-stm32", "mine");
        assertThatThrownBy(() -> KernelProfiles.select(List.of("linux-9"), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown profile 'linux-9' (known: linux-6.12-arm-stm32, linux-6.12-arm-mps2, "
                        + "linux-6.12-arm-tiny, linux-6.12-arm64, linux-4.13-arm-stm32)");
        assertThatThrownBy(() -> KernelProfiles.select(List.of("linux-6.12-arm64"), List.of(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile 'linux-6.12-arm64' is asked for twice");
    }

    @Test
    void aMissingProfileFileIsOneLine(@TempDir Path dir) {
        Path f = dir.resolve("absent.properties");
        assertThatThrownBy(() -> KernelProfiles.load(f)).isInstanceOf(DtException.class)
                .hasMessage(f + ": error: cannot read profile: no such file");
    }

    @Test
    void mistakesNameTheLine() {
        assertError(VALID.replace("of_dynamic = y", "of_dynamc = y"),
                "p:10:1: error: unknown profile key 'of_dynamc'");
        assertError(VALID + "name = again\n", "p:15:1: error: duplicate profile key 'name'");
        assertError(VALID.replace("page_size = 4096\n", ""), "p: error: missing profile key 'page_size'");
        assertError(VALID.replace("property.size = 56", "property.size = 5x6"),
                "p:7:17: error: property.size must be a number: '5x6'");
        assertError(VALID.replace("device_node.align = 4", "device_node.align = 6"),
                "p:6:21: error: device_node.align must be a power of two: 6");
        assertError(VALID.replace("device_node.align = 4", "device_node.align = 0"),
                "p:6:21: error: device_node.align must be between 1 and 4096: 0");
        assertError(VALID.replace("full_name = name", "full_name = both"),
                "p:11:13: error: full_name must be one of name|path: 'both'");
        assertError(VALID.replace("skip_disabled = n", "skip_disabled = yes"),
                "p:12:17: error: skip_disabled must be one of y|n: 'yes'");
        assertError(VALID.replace("name = mine", "name = my board"),
                "p:2:8: error: profile name must be letters, digits and . _ + - only: 'my board'");
        assertError(VALID.replace("depth_limit = 63", "  depth_limit 63"), "p:13:3: error: expected 'key = value'");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> ProfileParser.parse(text, "p")).isInstanceOf(DtException.class).hasMessage(message);
    }
}
