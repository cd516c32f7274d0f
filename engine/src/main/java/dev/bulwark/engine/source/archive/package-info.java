/** Image archives: docker-archive and oci-archive tar files, read in place without extraction. */
package dev.bulwark.engine.source.archive;
