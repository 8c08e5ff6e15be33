package org.dtshrink.testutil;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON Schema (draft 2020-12) from the docs, checked by a maintained validator (networknt's). */
public final class SchemaValidator {

    /** The schema in the first ```json block of {@code doc} (docs/report-json.md, docs/cost-json.md). */
    public static SchemaValidator fromDoc(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int at = text.lastIndexOf("## JSON Schema");
        Matcher m = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(text);
        if (!m.find(Math.max(at, 0))) {
            throw new AssertionError("no JSON Schema block in " + doc);
        }
        return new SchemaValidator(m.group(1));
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Schema schema;

    public SchemaValidator(String schemaJson) {
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson);
    }

    /** Every violation, each as {@code path: what}; empty when the value (as read by Json.read) conforms. */
    public List<String> validate(Object value) {
        JsonNode node = MAPPER.valueToTree(value);
        List<String> errors = new ArrayList<>();
        for (Error e : schema.validate(node)) {
            errors.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return errors;
    }
}
