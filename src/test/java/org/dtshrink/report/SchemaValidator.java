package org.dtshrink.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of JSON Schema that docs/report-json.md uses: type (one or a list), const, enum, required, properties,
 * additionalProperties false, items, minimum, oneOf and local $ref into $defs. Unknown keywords are refused, so the
 * schema cannot silently use more than is checked.
 */
public final class SchemaValidator {

    private static final List<String> KNOWN = List.of("type", "const", "enum", "required", "properties",
            "additionalProperties", "items", "minimum", "oneOf", "$ref", "$defs");

    private final Map<String, Object> root;

    SchemaValidator(Map<String, Object> root) {
        this.root = root;
    }

    /** Every violation, each as {@code path: what}; empty when the value conforms. */
    public List<String> validate(Object value) {
        List<String> errors = new ArrayList<>();
        check(root, value, "$", errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object v, String at, List<String> errors) {
        for (String k : schema.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("schema keyword not supported: " + k);
            }
        }
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            String prefix = "#/$defs/";
            if (!ref.startsWith(prefix)) {
                throw new IllegalArgumentException("unsupported $ref " + ref);
            }
            Map<String, Object> defs = (Map<String, Object>) root.get("$defs");
            check((Map<String, Object>) defs.get(ref.substring(prefix.length())), v, at, errors);
        }
        if (schema.containsKey("oneOf")) {
            int matching = 0;
            for (Object alt : (List<Object>) schema.get("oneOf")) {
                List<String> sub = new ArrayList<>();
                check((Map<String, Object>) alt, v, at, sub);
                if (sub.isEmpty()) {
                    matching++;
                }
            }
            if (matching != 1) {
                errors.add(at + ": matches " + matching + " of the oneOf alternatives");
            }
        }
        if (schema.containsKey("type")) {
            Object t = schema.get("type");
            List<Object> types = t instanceof List ? (List<Object>) t : List.of(t);
            boolean ok = false;
            for (Object type : types) {
                ok |= isType(v, (String) type);
            }
            if (!ok) {
                errors.add(at + ": not of type " + t);
                return;
            }
        }
        if (schema.containsKey("const") && !same(schema.get("const"), v)) {
            errors.add(at + ": not " + schema.get("const"));
        }
        if (schema.containsKey("enum")) {
            boolean found = false;
            for (Object e : (List<Object>) schema.get("enum")) {
                found |= same(e, v);
            }
            if (!found) {
                errors.add(at + ": " + v + " not in " + schema.get("enum"));
            }
        }
        if (schema.containsKey("minimum") && v instanceof Long n
                && n < ((Long) schema.get("minimum"))) {
            errors.add(at + ": " + n + " below the minimum");
        }
        if (v instanceof Map) {
            Map<String, Object> obj = (Map<String, Object>) v;
            for (Object r : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!obj.containsKey((String) r)) {
                    errors.add(at + ": missing " + r);
                }
            }
            Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Map.Entry<String, Object> e : obj.entrySet()) {
                Object sub = props.get(e.getKey());
                if (sub != null) {
                    check((Map<String, Object>) sub, e.getValue(), at + "." + e.getKey(), errors);
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    errors.add(at + ": unexpected member " + e.getKey());
                }
            }
        }
        if (v instanceof List && schema.containsKey("items")) {
            List<Object> list = (List<Object>) v;
            for (int i = 0; i < list.size(); i++) {
                check((Map<String, Object>) schema.get("items"), list.get(i), at + "[" + i + "]", errors);
            }
        }
    }

    private static boolean isType(Object v, String type) {
        return switch (type) {
            case "object" -> v instanceof Map;
            case "array" -> v instanceof List;
            case "string" -> v instanceof String;
            case "integer" -> v instanceof Long;
            case "number" -> v instanceof Long || v instanceof BigDecimal;
            case "boolean" -> v instanceof Boolean;
            case "null" -> v == null;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean same(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }
}
