package dev.bulwark.engine.layer;

/**
 * One entry of a layer as the squash needs it: a normalised path, its kind, size and mode, and the link target for
 * symlinks (as stored) and hardlinks (normalised). For whiteouts the path is the path deleted, not the marker file.
 */
public record FileEntry(String path, EntryType type, long size, int mode, String linkTarget) {
}
