package dev.bulwark.engine.image.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code HEALTHCHECK NONE} is recorded as a Healthcheck object that disables the check. */
class ImageJsonHealthcheckTest {

    private static boolean healthcheck(String config) {
        String json = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"config\":" + config + "}";
        return ImageJson.config(json.getBytes(StandardCharsets.UTF_8), "config").hasHealthcheck();
    }

    @Test
    void disabledHealthcheckIsNone() {
        assertEquals(true, healthcheck("{\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"]}}"));
        assertEquals(true, healthcheck("{\"Healthcheck\":{\"Interval\":30}}"));
        assertEquals(false, healthcheck("{\"Healthcheck\":{\"Test\":[\"NONE\"]}}"));
        assertEquals(false, healthcheck("{\"Healthcheck\":null}"));
        assertEquals(false, healthcheck("{\"Healthcheck\":\"x\"}"));
        assertEquals(false, healthcheck("{}"));
    }
}
