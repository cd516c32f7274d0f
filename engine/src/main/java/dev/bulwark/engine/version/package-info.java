/** Version ordering: the {@link dev.bulwark.engine.version.VersionScheme} contract every ecosystem's rules meet, and a SemVer 2.0 core. */
package dev.bulwark.engine.version;
