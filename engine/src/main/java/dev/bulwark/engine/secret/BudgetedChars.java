package dev.bulwark.engine.secret;

import java.nio.charset.StandardCharsets;

/**
 * A window of a byte array seen as Latin-1 characters (one char per byte, so offsets stay byte offsets), which
 * counts every character the regex engine reads and stops it past a budget. That bounds the time any rule, built-in
 * or user-written, can spend on hostile input.
 */
final class BudgetedChars implements CharSequence {
    /** Thrown when a regex has read more characters than its budget. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("regex budget exhausted", null, false, false);
        }
    }

    private final byte[] data;
    private final int offset;
    private final int length;
    private final long[] budget;

    /** @param budget a one-element counter shared by the views of one window */
    BudgetedChars(byte[] data, int offset, int length, long[] budget) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.budget = budget;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new Exhausted();
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (data[offset + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(data, offset + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(data, offset, length, StandardCharsets.ISO_8859_1);
    }
}
