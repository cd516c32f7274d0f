package dev.bulwark.engine.ecosystem.rpm;

/** Receives the header blobs a database reader finds, and the entries it had to skip. */
interface HeaderBlobSink {
    /** Whether more blobs are welcome; readers stop early when this turns false. */
    boolean wantsMore();

    void blob(byte[] header);

    void skipped(String reason);
}
