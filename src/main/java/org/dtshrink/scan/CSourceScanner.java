package org.dtshrink.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one C file for the device-tree names it can read:
 * <ul>
 * <li>string arguments of the OF, flat-tree, fwnode and device-property APIs (and syscon's phandle lookup);</li>
 * <li>names the consumer APIs derive ({@link ConsumerApis}) and {@code .supply = "x"} initializers
 * ({@code x-supply});</li>
 * <li>printf-style formats given to the sprintf family, as globs ({@code "pinctrl-%d"} reads {@code pinctrl-*});</li>
 * <li>compatibles: {@code .compatible = "x"} in match tables, string arguments of {@code *_DECLARE} macros and of the
 * compatible tests ({@code of_device_is_compatible}, {@code of_find_compatible_node}, ...).</li>
 * </ul>
 * A string macro ({@code #define PROP "x"}) stands for its string. When a property API is called without any string
 * argument (the name comes from a variable: a wrapper, a table), every string in the file that could be a property
 * name counts as read: pruning errs towards keeping.
 */
final class CSourceScanner {

    private static final Pattern PROPERTY_API = Pattern.compile("of_property_\\w+|of_get_property|__of_get_property"
            + "|of_find_property|of_find_node_with_property|of_parse_phandle\\w*|of_count_phandle_with_args"
            + "|of_phandle_iterator_init|of_for_each_phandle|of_get_named_gpio\\w*|of_get_flat_dt_prop"
            + "|fdt_getprop\\w*|fdt_get_property\\w*|fdt_stringlist_\\w+|device_property_\\w+|fwnode_property_\\w+"
            + "|fwnode_find_reference|syscon_regmap_lookup_by_phandle\\w*|of_get_dma_window"
            + "|of_parse_phandle_with_fixed_args|of_property_read_\\w+");
    private static final Pattern COMPATIBLE_API = Pattern.compile("of_device_is_compatible|of_find_compatible_node"
            + "|of_machine_is_compatible|of_get_compatible_child|fwnode_device_is_compatible|of_flat_dt_is_compatible"
            + "|of_fdt_is_compatible|device_is_compatible|of_device_compatible_match");
    private static final Pattern DECLARE_MACRO = Pattern.compile("[A-Z0-9_]*_DECLARE(_[A-Z0-9_]+)?");
    private static final Pattern PRINTF = Pattern.compile("v?s?n?printf|v?scnprintf|k?v?asprintf|devm_kv?asprintf");
    private static final Pattern CONVERSION = Pattern.compile(
            "%[-+ #0]*(\\*|\\d+)?(\\.(\\*|\\d+))?(hh|h|ll|l|z|t|j|L)?[diouxXcsp]");
    private static final Pattern PROPERTY_LIKE = Pattern.compile("[#A-Za-z0-9*][A-Za-z0-9,._+#*@-]{0,62}");
    private static final int MAX_ARGUMENT_TOKENS = 4000;

    /** What one file contributes: names and compatibles, each with the line it was found on. */
    record FileUsage(Map<String, Integer> properties, Map<String, Integer> compatibles, List<String> includes,
            int unresolvedLine) {
    }

    private final List<CSourceTokens.Token> tokens;
    private final Map<String, String> stringMacros = new HashMap<>();
    private final Map<String, Integer> properties = new LinkedHashMap<>();
    private final Map<String, Integer> compatibles = new LinkedHashMap<>();
    private final List<String> includes = new ArrayList<>();
    private int unresolvedLine = -1;

    private CSourceScanner(String source) {
        this.tokens = CSourceTokens.lex(source);
    }

    static FileUsage scan(String source) {
        return new CSourceScanner(source).run();
    }

    private FileUsage run() {
        collectMacros();
        for (int i = 0; i < tokens.size(); i++) {
            CSourceTokens.Token t = tokens.get(i);
            if (t.type() == CSourceTokens.Type.INCLUDE) {
                includes.add(t.text());
            } else if (t.type() == CSourceTokens.Type.IDENT) {
                if (i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                    call(t, i + 2);
                } else if (i > 0 && tokens.get(i - 1).is(".") && i + 2 < tokens.size() && tokens.get(i + 1).is("=")) {
                    initializer(t, tokens.get(i + 2));
                }
            }
        }
        if (unresolvedLine >= 0) {
            for (CSourceTokens.Token t : tokens) {
                if (t.type() == CSourceTokens.Type.STRING && PROPERTY_LIKE.matcher(t.text()).matches()
                        && hasLetter(t.text())) {
                    properties.putIfAbsent(t.text(), t.line());
                }
            }
        }
        return new FileUsage(properties, compatibles, includes, unresolvedLine);
    }

    /** {@code #define NAME "string"}: the macro stands for the string wherever it is an argument. */
    private void collectMacros() {
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (tokens.get(i).is("#") && tokens.get(i + 1).type() == CSourceTokens.Type.IDENT
                    && tokens.get(i + 1).text().equals("define") && tokens.get(i + 2).type() == CSourceTokens.Type.IDENT
                    && tokens.get(i + 3).type() == CSourceTokens.Type.STRING
                    && tokens.get(i + 3).line() == tokens.get(i + 2).line()) {
                stringMacros.put(tokens.get(i + 2).text(), tokens.get(i + 3).text());
            }
        }
    }

    private void initializer(CSourceTokens.Token field, CSourceTokens.Token value) {
        String s = stringOf(value);
        if (s == null) {
            return;
        }
        if (field.text().equals("compatible")) {
            compatibles.putIfAbsent(s, value.line());
        } else if (field.text().equals("supply")) {
            properties.putIfAbsent(s + "-supply", value.line());
        }
    }

    private String stringOf(CSourceTokens.Token t) {
        if (t.type() == CSourceTokens.Type.STRING) {
            return t.text();
        }
        if (t.type() == CSourceTokens.Type.IDENT) {
            return stringMacros.get(t.text());
        }
        return null;
    }

    private void call(CSourceTokens.Token fn, int start) {
        String name = fn.text();
        boolean property = PROPERTY_API.matcher(name).matches();
        boolean compatible = !property && COMPATIBLE_API.matcher(name).matches();
        boolean declare = !property && !compatible && DECLARE_MACRO.matcher(name).matches();
        boolean printf = PRINTF.matcher(name).matches();
        ConsumerApis.Api consumer = ConsumerApis.find(name);
        if (!property && !compatible && !declare && !printf && consumer == null) {
            return;
        }
        List<List<CSourceTokens.Token>> args = arguments(start);
        if (args == null) {
            // arguments too long or unbalanced to read: the name is unknown, so keep what the file could name
            if (property && unresolvedLine < 0) {
                unresolvedLine = fn.line();
            }
            return;
        }
        List<String> literals = new ArrayList<>();
        boolean nullArg = false;
        for (List<CSourceTokens.Token> arg : args) {
            if (arg.size() == 1 && arg.get(0).type() == CSourceTokens.Type.IDENT && arg.get(0).text().equals("NULL")) {
                nullArg = true;
            }
            for (CSourceTokens.Token t : arg) {
                String s = stringOf(t);
                if (s != null) {
                    literals.add(s);
                }
            }
        }
        int line = fn.line();
        if (property) {
            if (literals.isEmpty()) {
                if (unresolvedLine < 0) {
                    unresolvedLine = line;
                }
            }
            for (String s : literals) {
                addProperty(s.contains("%") ? formatGlob(s) : s, line);
            }
        } else if (compatible || declare) {
            for (String s : literals) {
                compatibles.putIfAbsent(s, line);
            }
        }
        if (printf) {
            for (String s : literals) {
                if (s.contains("%")) {
                    String g = formatGlob(s);
                    if (g != null && literalCharacters(g) >= 3) {
                        addProperty(g, line);
                    }
                }
            }
        }
        if (consumer != null) {
            List<String> plain = new ArrayList<>();
            for (String s : literals) {
                if (!s.contains("%")) {
                    plain.add(s);
                }
            }
            for (String n : ConsumerApis.names(consumer, plain, nullArg)) {
                addProperty(n, line);
            }
        }
    }

    private void addProperty(String name, int line) {
        if (name != null && !name.isEmpty() && PROPERTY_LIKE.matcher(name).matches()) {
            properties.putIfAbsent(name, line);
        } else if (name != null && name.startsWith("pinctrl-[")) {
            properties.putIfAbsent(name, line);
        }
    }

    /** A printf format as a glob: each conversion becomes {@code *}; null when the text cannot be a name. */
    static String formatGlob(String format) {
        Matcher m = CONVERSION.matcher(format.replace("%%", "\u0000"));
        String g = m.replaceAll("*").replace("\u0000", "%");
        if (g.contains("%") || !PROPERTY_LIKE.matcher(g).matches()) {
            return null;
        }
        return g;
    }

    private static int literalCharacters(String glob) {
        int n = 0;
        for (char c : glob.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                n++;
            }
        }
        return n;
    }

    private static boolean hasLetter(String s) {
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /** The arguments of the call whose first token is at {@code start}, or null when the parentheses do not close. */
    private List<List<CSourceTokens.Token>> arguments(int start) {
        List<List<CSourceTokens.Token>> args = new ArrayList<>();
        List<CSourceTokens.Token> cur = new ArrayList<>();
        int depth = 0;
        for (int i = start; i < tokens.size() && i - start < MAX_ARGUMENT_TOKENS; i++) {
            CSourceTokens.Token t = tokens.get(i);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                if (depth == 0) {
                    if (!cur.isEmpty()) {
                        args.add(cur);
                    }
                    return args;
                }
                depth--;
            } else if (t.is(",") && depth == 0) {
                args.add(cur);
                cur = new ArrayList<>();
                continue;
            } else if (t.is(";") && depth == 0) {
                return null;
            }
            cur.add(t);
        }
        return null;
    }
}
