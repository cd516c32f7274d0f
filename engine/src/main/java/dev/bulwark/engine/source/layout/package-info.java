/** OCI image layouts (directories and archives) and the image type shared by file-based sources. */
package dev.bulwark.engine.source.layout;
