package hk.post.ecert.devices.wire;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

    @Test
    void roundTripsObjectsArraysStringsNumbersAndBooleans() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "陳大文 \"Tai Man\"\n\t\\");
        m.put("cents", 1653000L);
        m.put("exact", new BigDecimal("48.00"));
        m.put("ok", true);
        m.put("none", null);
        m.put("list", List.of(1, "two", false));
        String text = Json.write(m);
        Map<String, Object> back = Json.readObject(text);
        assertEquals("陳大文 \"Tai Man\"\n\t\\", back.get("name"));
        assertEquals(new BigDecimal("1653000"), back.get("cents"));
        assertEquals(new BigDecimal("48.00"), back.get("exact"), "scale is kept: money never passes through double");
        assertEquals(true, back.get("ok"));
        assertEquals(null, back.get("none"));
        assertEquals(List.of(new BigDecimal(1), "two", false), back.get("list"));
        assertEquals(text, Json.write(back));
    }

    @Test
    void refusesFloatingPointAndMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", 0.1d)));
        assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\":1"));
        assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.readObject("[1]"));
        assertEquals("é", Json.read("\"\\u00e9\""));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeTheStackRunsOut() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Json.read(deep));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("nested deeper than " + Json.MAX_DEPTH), e.getMessage());
        String atLimit = "{\"a\":".repeat(Json.MAX_DEPTH - 1) + "[1]" + "}".repeat(Json.MAX_DEPTH - 1);
        org.junit.jupiter.api.Assertions.assertNotNull(Json.read(atLimit), "nesting up to the limit still reads");
        org.junit.jupiter.api.Assertions.assertNotNull(Json.read("[[],[],{},{\"x\":[{}]}]"), "siblings do not add up to depth");
    }
}
