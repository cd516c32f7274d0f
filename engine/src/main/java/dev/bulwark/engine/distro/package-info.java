/** Distribution detection from os-release and the older release files. */
package dev.bulwark.engine.distro;
