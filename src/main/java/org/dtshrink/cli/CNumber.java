package org.dtshrink.cli;

import picocli.CommandLine;

/** Reads a number the way dtc's options do (C syntax: 0x hex, leading-0 octal, decimal). */
final class CNumber implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        String s = value.trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return Long.parseLong(s.substring(1), 8);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
        }
    }

    static int toInt(String option, long v) {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " out of range: " + v);
        }
        return (int) v;
    }
}
