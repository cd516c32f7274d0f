package dev.bulwark.engine.inventory;

/** What a report says about one layer. {@code digest} is the blob digest, null for a directory scan. */
public record LayerInfo(int index, String diffId, String digest, long size, String createdBy) {
}
