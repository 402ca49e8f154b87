package hk.post.ecert.counter.domain.model;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the domain's JSON data (the catalogue, the fee schedule, the Licensed Banks, the till's journal payloads) with
 * the platform's JSON Processing, not the terminal's wire codec: objects as maps in their order, arrays as lists,
 * numbers as {@link java.math.BigDecimal} (money never passes through {@code double}), strings, booleans and null.
 */
public final class DataFile {

    /**
     * One reader factory: {@code Json.createReader} looks the JSON provider up through the service loader at every call
     * (every jar of the application, for each journal payload a sale reads — 6 % of the server's CPU in
     * {@code bin/bench counter-flow}).
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private DataFile() {
    }

    /** The JSON object in {@code text}. */
    public static Map<String, Object> readObject(String text) {
        try (JsonReader r = READERS.createReader(new StringReader(text))) {
            return object(r.readObject());
        }
    }

    private static Map<String, Object> object(JsonObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        o.forEach((k, v) -> m.put(k, value(v)));
        return m;
    }

    private static Object value(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> object(v.asJsonObject());
            case ARRAY -> array(v.asJsonArray());
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static List<Object> array(JsonArray a) {
        List<Object> out = new ArrayList<>(a.size());
        a.forEach(v -> out.add(value(v)));
        return out;
    }
}
