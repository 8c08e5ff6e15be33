package org.dtshrink.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which checks warn and which are errors, after dtc's {@code -W}/{@code -E} flags in the order given. As in dtc,
 * raising a check's level raises its prerequisites' too, and lowering it lowers the checks that need it; {@code no-}
 * or {@code no_} in front of a name lowers.
 */
public final class CheckLevels {

    private final boolean[] warn;
    private final boolean[] error;

    private CheckLevels(boolean[] warn, boolean[] error) {
        this.warn = warn;
        this.error = error;
    }

    /** dtc's defaults. */
    public static CheckLevels defaults() {
        int n = CheckTable.ROWS.size();
        boolean[] w = new boolean[n];
        boolean[] e = new boolean[n];
        for (int i = 0; i < n; i++) {
            w[i] = CheckTable.ROWS.get(i).warn();
            e[i] = CheckTable.ROWS.get(i).error();
        }
        return new CheckLevels(w, e);
    }

    /**
     * The defaults with flags applied in order; each flag is {@code -Wname}, {@code -Wno-name}, {@code -Ename} or
     * {@code -Eno-name}.
     *
     * @throws IllegalArgumentException for a name dtc does not know, with dtc's message
     */
    public static CheckLevels of(List<String> flags) {
        CheckLevels l = defaults();
        for (String f : flags) {
            if (f.startsWith("-W")) {
                l.apply(true, false, f.substring(2));
            } else if (f.startsWith("-E")) {
                l.apply(false, true, f.substring(2));
            } else {
                throw new IllegalArgumentException("not a check flag: " + f);
            }
        }
        return l;
    }

    /** Whether {@code name} is one of dtc's checks, with or without {@code no-}. */
    public static boolean isCheckName(String arg) {
        return CheckTable.indexOf(strip(arg)) >= 0;
    }

    /** Every check name, in dtc's table order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (CheckDef d : CheckTable.ROWS) {
            out.add(d.name());
        }
        return out;
    }

    private static String strip(String arg) {
        return arg.startsWith("no-") || arg.startsWith("no_") ? arg.substring(3) : arg;
    }

    private void apply(boolean w, boolean e, String arg) {
        String name = strip(arg);
        int i = CheckTable.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("Unrecognized check name \"" + name + "\"");
        }
        if (name.length() == arg.length()) {
            enable(i, w, e);
        } else {
            disable(i, w, e);
        }
    }

    private void enable(int c, boolean w, boolean e) {
        if ((w && !warn[c]) || (e && !error[c])) {
            for (int p : CheckTable.prereqIndexes(CheckTable.ROWS.get(c))) {
                enable(p, w, e);
            }
        }
        warn[c] = warn[c] || w;
        error[c] = error[c] || e;
    }

    private void disable(int c, boolean w, boolean e) {
        if ((w && warn[c]) || (e && error[c])) {
            for (int i = 0; i < CheckTable.ROWS.size(); i++) {
                for (int p : CheckTable.prereqIndexes(CheckTable.ROWS.get(i))) {
                    if (p == c) {
                        disable(i, w, e);
                    }
                }
            }
        }
        warn[c] = warn[c] && !w;
        error[c] = error[c] && !e;
    }

    boolean warn(int c) {
        return warn[c];
    }

    boolean error(int c) {
        return error[c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckLevels l && Arrays.equals(warn, l.warn) && Arrays.equals(error, l.error);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(warn) + Arrays.hashCode(error);
    }
}
