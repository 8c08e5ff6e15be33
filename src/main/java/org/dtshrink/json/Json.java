package org.dtshrink.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.dtshrink.tree.DtException;

/**
 * The one JSON library's configuration (Jackson), for every JSON dtshrink writes and reads. Written strings escape
 * everything outside printable ASCII as lower-case {@code \\u} escapes and leave '/' alone; read documents may nest
 * 1000 deep. Bad JSON is a {@link DtException} naming the file and the offset, as for any other bad input.
 */
public final class Json {

    /** How deep a document read may nest: far beyond any report, and bounded so hostile input cannot exhaust memory. */
    public static final int MAX_DEPTH = 1000;

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                    .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
                    .build())
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /**
     * The document as plain Java values: objects as maps in member order, arrays as lists, whole numbers as
     * {@link Long}, other numbers as {@link java.math.BigDecimal}, strings, booleans and null.
     */
    public static Object read(String file, String text) {
        return read(file, text, Object.class);
    }

    /** The document bound to {@code type} (records bind by component name). */
    public static <T> T read(String file, String text, Class<T> type) {
        try (JsonParser p = MAPPER.createParser(text)) {
            try {
                return MAPPER.readValue(p, type);
            } catch (StreamConstraintsException e) {
                // thrown on the '{' or '[' that opens one level too many, just read
                throw bad(file, e, p.currentLocation().getCharOffset() - 1);
            } catch (JacksonException e) {
                throw bad(file, e, e.getLocation() == null ? -1 : e.getLocation().getCharOffset());
            }
        }
    }

    private static DtException bad(String file, JacksonException e, long offset) {
        String what;
        if (e instanceof UnexpectedEndOfInputException) {
            what = "unexpected end of the JSON text";
        } else if (e instanceof StreamConstraintsException && e.getMessage().contains("nesting depth")) {
            what = "nested deeper than " + MAX_DEPTH;
        } else {
            what = e.getOriginalMessage().lines().findFirst().orElse("bad JSON");
        }
        return new DtException(file + (offset >= 0 ? String.format(": offset 0x%x", offset) : "") + ": error: " + what);
    }
}
