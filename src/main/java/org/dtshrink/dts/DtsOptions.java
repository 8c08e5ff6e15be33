package org.dtshrink.dts;

import java.nio.file.Path;
import java.util.List;
import org.dtshrink.checks.CheckLevels;

/**
 * How to compile a source: where /include/ and /incbin/ look after the including file's directory (dtc's
 * {@code -i}), which phandle properties to create (dtc's {@code -H}), whether to emit {@code __symbols__}
 * (dtc's {@code -@}), and the levels of dtc's checks ({@code -W}/{@code -E}). Immutable; the defaults are dtc's.
 */
public record DtsOptions(List<Path> includeDirs, PhandleFormat phandleFormat, boolean symbols, CheckLevels checks) {

    /** Which properties carry an allocated phandle, as dtc's {@code -H legacy|epapr|both}. */
    public enum PhandleFormat {
        LEGACY(true, false), EPAPR(false, true), BOTH(true, true);

        private final boolean legacy;
        private final boolean epapr;

        PhandleFormat(boolean legacy, boolean epapr) {
            this.legacy = legacy;
            this.epapr = epapr;
        }

        /** Whether a {@code linux,phandle} property is added. */
        public boolean legacy() {
            return legacy;
        }

        /** Whether a {@code phandle} property is added. */
        public boolean epapr() {
            return epapr;
        }
    }

    public DtsOptions {
        includeDirs = List.copyOf(includeDirs);
    }

    /** With dtc's default check levels. */
    public DtsOptions(List<Path> includeDirs, PhandleFormat phandleFormat, boolean symbols) {
        this(includeDirs, phandleFormat, symbols, CheckLevels.defaults());
    }

    public static DtsOptions defaults() {
        return new DtsOptions(List.of(), PhandleFormat.EPAPR, false);
    }

    public DtsOptions withIncludeDirs(List<Path> dirs) {
        return new DtsOptions(dirs, phandleFormat, symbols, checks);
    }

    public DtsOptions withPhandleFormat(PhandleFormat format) {
        return new DtsOptions(includeDirs, format, symbols, checks);
    }

    public DtsOptions withSymbols(boolean on) {
        return new DtsOptions(includeDirs, phandleFormat, on, checks);
    }

    public DtsOptions withChecks(CheckLevels levels) {
        return new DtsOptions(includeDirs, phandleFormat, symbols, levels);
    }
}
