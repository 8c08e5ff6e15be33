package org.dtshrink.dts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;
import org.junit.jupiter.api.Test;

/** Integer literals read as C's strtoull reads them, checked against BigInteger at and around the 64-bit limit. */
class LiteralsTest {

    private static final SourcePos AT = new SourcePos("l.dts", 1, 1);
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64);

    @Test
    void everyRadixUpToAndPastTheLimit() {
        Random r = new Random(15);
        for (int i = 0; i < 20000; i++) {
            BigInteger v = new BigInteger(1 + r.nextInt(67), r);
            if (r.nextInt(10) == 0) {
                v = MAX.subtract(BigInteger.valueOf(r.nextInt(3) - 1));
            }
            int radix = new int[] {8, 10, 16}[r.nextInt(3)];
            String digits = v.toString(radix);
            String zeros = "0".repeat(r.nextInt(3));
            String text = radix == 16 ? "0x" + zeros + digits : radix == 8 ? "0" + zeros + digits
                    : (v.signum() == 0 ? "0" : digits);
            String suffix = new String[] {"", "U", "UL", "ULL", "LL"}[r.nextInt(5)];
            if (v.compareTo(MAX) < 0) {
                assertThat(Literals.integer(text + suffix, AT)).as(text).isEqualTo(v.longValue());
            } else {
                assertThatThrownBy(() -> Literals.integer(text + suffix, AT)).as(text)
                        .isInstanceOf(DtException.class).hasMessageContaining("out of range");
            }
        }
    }

    @Test
    void badOctalAndUpperCaseHex() {
        assertThatThrownBy(() -> Literals.integer("0778", AT)).hasMessageContaining("Bad integer literal '0778'");
        assertThat(Literals.integer("0XFFFFFFFFFFFFFFFF", AT)).isEqualTo(-1L);
        assertThat(Literals.integer("0", AT)).isZero();
        assertThat(Literals.integer("18446744073709551615", AT)).isEqualTo(-1L);
        assertThatThrownBy(() -> Literals.integer("18446744073709551616", AT)).hasMessageContaining("out of range");
    }
}
