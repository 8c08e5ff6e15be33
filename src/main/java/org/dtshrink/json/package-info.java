/**
 * JSON, written and read with one library (Jackson): {@link org.dtshrink.json.JsonWriter} for every JSON document
 * dtshrink writes, in one stable layout and escaping; {@link org.dtshrink.json.Json} for reading, with bad JSON
 * reported as bad input naming the file and offset.
 */
package org.dtshrink.json;
