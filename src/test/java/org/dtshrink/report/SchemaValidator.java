package org.dtshrink.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON Schema (draft 2020-12) from the docs, checked by a maintained validator (networknt's). */
public final class SchemaValidator {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Schema schema;

    SchemaValidator(String schemaJson) {
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
